import Link from "next/link";
import { requestCtx } from "@/app/_lib/request-context";
import { hasRole } from "@/lib/auth/authorize";
import { getPostmortemWorkspace } from "@/lib/postmortems/get-postmortem-workspace";
import { ActionItemsEditor } from "./action-items-editor";
import { SectionsEditor } from "./sections-editor";
import { StartButton } from "./start-button";
import { orNotFound } from "../../_lib/or-not-found";
import { getPageSettings } from "@/lib/settings/get-page-settings";

export default async function PostmortemEditorPage({
  params,
}: {
  params: Promise<{ incidentId: string }>;
}) {
  const { incidentId } = await params;
  const ctx = await requestCtx();
  const [ws, settings] = await Promise.all([
    orNotFound(getPostmortemWorkspace({ ctx, incidentId })),
    getPageSettings(ctx.db),
  ]);
  const canEdit = hasRole(ctx.actor, "editor");
  const published = (ws.postmortem?.publishedRevision ?? 0) > 0;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm">
          <Link href="/admin/postmortems" className="underline">
            Postmortems
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">RCA: {ws.incident.title}</h1>
        {published && (
          <p className="mt-1 text-sm">
            Published revision {ws.postmortem!.publishedRevision}
            {ws.hasUnpublishedChanges ? " · the draft has unpublished changes" : ""} ·{" "}
            <Link href={`/incidents/${incidentId}/postmortem`} className="underline">
              View public page
            </Link>
          </p>
        )}
      </div>
      {ws.incident.state !== "resolved" ? (
        <p>An RCA can be written once the incident is resolved.</p>
      ) : !ws.postmortem ? (
        canEdit ? (
          <StartButton incidentId={incidentId} />
        ) : (
          <p>No postmortem has been started.</p>
        )
      ) : (
        <>
          <SectionsEditor
            incidentId={incidentId}
            initial={ws.postmortem.sections}
            updatedAt={ws.postmortem.updatedAt.toISOString()}
            peopleNames={ws.peopleNames}
            canEdit={canEdit}
            publishedRevision={ws.postmortem.publishedRevision}
            timeZone={settings.timeZone}
          />
          <section aria-labelledby="action-items" className="flex flex-col gap-3">
            <h2 id="action-items" className="text-xl font-semibold">
              Action items
            </h2>
            <ActionItemsEditor
              incidentId={incidentId}
              canEdit={canEdit}
              initial={ws.actionItems.map((a) => ({
                id: a.id,
                title: a.title,
                owner: a.owner ?? "",
                dueOn: a.dueOn ?? "",
                status: a.status,
                publicUrl: a.publicUrl ?? "",
              }))}
            />
          </section>
        </>
      )}
    </div>
  );
}
