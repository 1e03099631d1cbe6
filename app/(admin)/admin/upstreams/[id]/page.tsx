import { requestCtx } from "@/app/_lib/request-context";
import { hasRole } from "@/lib/auth/authorize";
import { getUpstream } from "@/lib/upstreams/list-upstreams";
import { loadPickableComponents } from "../../incidents/load-pickable";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { formatStamp } from "@/lib/time/format";
import { orNotFound } from "../../_lib/or-not-found";
import { PickComponentsForm, PollNowForm } from "../_components/upstream-forms";

export const metadata = { title: "Upstream page · Herald" };

export default async function UpstreamPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requestCtx();
  const { id } = await params;
  const [upstream, settings, ours] = await Promise.all([
    orNotFound(getUpstream({ ctx, input: { upstreamId: id } })),
    getPageSettings(ctx.db),
    loadPickableComponents(ctx.db),
  ]);
  const tz = settings.timeZone;
  const canWrite = hasRole(ctx.actor, "editor");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{upstream.name}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt>Polls</dt>
        <dd>
          <code className="break-all">{upstream.url}</code>
        </dd>
        <dt>Status</dt>
        <dd>
          {upstream.unknown_since
            ? `Unknown since ${formatStamp(upstream.unknown_since, tz)}`
            : "Read successfully"}
        </dd>
        <dt>Last read</dt>
        <dd>
          {upstream.last_success_at ? formatStamp(upstream.last_success_at, tz) : "never"}
          {upstream.next_poll_at && ` · next ${formatStamp(upstream.next_poll_at, tz)}`}
        </dd>
      </dl>
      {upstream.last_error && (
        <p role="alert" className="rounded-md border border-red-600 p-3 text-sm">
          Last poll failed{upstream.failures > 1 ? ` (${upstream.failures} times in a row)` : ""}:{" "}
          {upstream.last_error}
        </p>
      )}
      {canWrite && <PollNowForm upstreamId={upstream.id} />}
      <section aria-labelledby="components-heading" className="flex flex-col gap-2">
        <h2 id="components-heading" className="text-lg font-semibold">
          Components ({upstream.components.length})
        </h2>
        {upstream.components.length === 0 ? (
          <p className="text-sm">None read yet.</p>
        ) : canWrite ? (
          <PickComponentsForm
            upstreamId={upstream.id}
            label={upstream.label ?? ""}
            ours={ours.map((c) => ({ id: c.id, name: c.label }))}
            components={upstream.components.map((c) => ({
              id: c.id,
              name: c.name,
              groupName: c.group_name,
              status: c.status,
              shown: c.shown,
              missing: c.missing_since !== null,
              dependedOnBy: c.depended_on_by,
            }))}
          />
        ) : (
          <ul className="text-sm">
            {upstream.components.map((c) => (
              <li key={c.id}>
                {c.name} · {c.status}
                {c.shown && " · shown"}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="incidents-heading" className="flex flex-col gap-2">
        <h2 id="incidents-heading" className="text-lg font-semibold">
          Their recent incidents ({upstream.incidents.length})
        </h2>
        <ul className="text-sm">
          {upstream.incidents.map((i) => (
            <li key={i.id}>
              {i.name} · {i.impact} · seen {formatStamp(i.first_seen_at, tz)}
              {i.resolved_at && ` · resolved ${formatStamp(i.resolved_at, tz)}`}
              {i.draft_id && " · notice drafted"}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
