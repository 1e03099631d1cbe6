import Link from "next/link";
import { requestCtx } from "@/app/_lib/request-context";
import { hasRole } from "@/lib/auth/authorize";
import { actorUserId } from "@/lib/context";
import { getIncident } from "@/lib/incidents/get-incident";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { getDeliveryStatus } from "@/lib/notifications/delivery-status";
import { defaultCadenceMinutes, nextUpdateDue } from "@/lib/cadence/cadence-state";
import { SEVERITY_LABELS, STATE_LABELS } from "@/lib/incidents/severity";
import { CadenceCountdown } from "@/components/admin/cadence-countdown";
import { formatDuration, formatShortDay, formatStamp } from "@/lib/time/format";
import { dayKeyOf } from "@/lib/time/days";
import {
  Composer,
  ReopenForm,
  ResolveForm,
  type IncidentFormContext,
} from "../_components/incident-forms";
import { Timeline } from "../_components/timeline";
import { EditDetailsForm, HandOverForm } from "../_components/details-forms";
import { listMembers } from "@/lib/team/list-members";
import { listIncidentTemplates } from "@/lib/incidents/templates";
import { listQueuedNotifications } from "@/lib/incidents/list-queued-notifications";
import { LiveRefresh } from "@/components/admin/live-refresh";
import { loadPickableComponents } from "../load-pickable";
import { orNotFound } from "../../_lib/or-not-found";
import { draftOfIncident } from "@/lib/inbound/drafts/list-drafts";
import { formatMinutesToPost, minutesToFirstPost } from "@/lib/reliability/time-to-first-post";

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requestCtx();
  const { id } = await params;
  const data = await orNotFound(getIncident({ ctx, input: { incidentId: id } }));
  const updateIds = data.updates.map((u) => u.id);
  const [settings, all, deliveries, members, queued, templates, draft] = await Promise.all([
    getPageSettings(ctx.db),
    loadPickableComponents(ctx.db),
    getDeliveryStatus({ ctx, subjectIds: updateIds }),
    listMembers({ ctx }),
    listQueuedNotifications({ ctx, subjectIds: updateIds }),
    listIncidentTemplates({ ctx }),
    draftOfIncident({ ctx, incidentId: id }),
  ]);
  const { incident } = data;
  const canEdit = hasRole(ctx.actor, "editor");
  const affectedIds = new Set(data.affected.map((a) => a.componentId));
  const context: IncidentFormContext = {
    incidentId: incident.id,
    latestUpdateId: data.latestUpdateId,
    draftScope: `${actorUserId(ctx.actor) ?? "anyone"}:${incident.id}`,
    timeZone: settings.timeZone,
    state: incident.state,
    cadenceMinutes: incident.cadenceMinutes,
    previousBody: data.updates[0]?.body ?? "",
    templates: templates.map((t) => ({ id: t.id, name: t.name, body: t.body })),
    affected: all.filter((c) => affectedIds.has(c.id)),
    others: all.filter((c) => !affectedIds.has(c.id)),
  };
  const due = nextUpdateDue(incident, data.updates);
  const resolved = incident.state === "resolved";
  const toFirstPost = minutesToFirstPost(incident.startedAt, data.updates);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{incident.title}</h1>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-700 dark:text-zinc-300">
          <span>{SEVERITY_LABELS[incident.severity]}</span>
          <span>Impact: {incident.impact}</span>
          <span>State: {STATE_LABELS[incident.state]}</span>
          <span>Started {formatStamp(incident.startedAt, settings.timeZone)}</span>
          <span>Comms lead: {data.commsLead?.email ?? "none"}</span>
          {toFirstPost !== null && (
            <span>
              Time to first post: {formatMinutesToPost(toFirstPost, formatDuration)}
              {draft && " (from the first alert)"}
            </span>
          )}
          <span>
            Cadence: {incident.cadenceMinutes ? `every ${incident.cadenceMinutes} min` : "none"}
          </span>
          {incident.rcaDueOn && (
            <span>
              RCA promised by{" "}
              {formatShortDay(incident.rcaDueOn, dayKeyOf(new Date(), settings.timeZone))}
            </span>
          )}
        </p>
        {draft?.alertsResolvedAt &&
          (incident.state === "investigating" || incident.state === "identified") && (
            <p role="status" className="rounded-md border border-emerald-600 p-3 text-sm">
              Every alert behind this incident has resolved. Consider a “Monitoring” update; Herald
              never resolves an incident on its own.
            </p>
          )}
        {resolved && (
          <p>
            <Link href={`/admin/postmortems/${incident.id}`} className="font-medium underline">
              {canEdit ? "Write the postmortem (RCA)" : "Postmortem (RCA)"}
            </Link>
          </p>
        )}
        {!resolved && (
          <div>
            <CadenceCountdown dueAt={due?.toISOString() ?? null} timeZone={settings.timeZone} />
          </div>
        )}
      </header>
      {canEdit && !resolved && (
        <section aria-labelledby="composer-heading" className="flex flex-col gap-3">
          <h2 id="composer-heading" className="text-lg font-semibold">
            Post an update
          </h2>
          <Composer context={context} />
        </section>
      )}
      {canEdit && !resolved && (
        <details className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
          <summary className="cursor-pointer font-semibold">Edit details</summary>
          <div className="mt-3">
            <EditDetailsForm
              components={all}
              details={{
                incidentId: incident.id,
                title: incident.title,
                severity: incident.severity,
                impact: incident.impact,
                impactOverridden: incident.impactOverridden,
                cadenceMinutes: incident.cadenceMinutes,
                cadenceIsDefault:
                  incident.cadenceMinutes === defaultCadenceMinutes(settings, incident.severity),
                affected: Object.fromEntries(
                  data.affected.map((a) => [a.componentId, a.worstStatus]),
                ),
              }}
            />
          </div>
        </details>
      )}
      {canEdit && (
        <details className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
          <summary className="cursor-pointer font-semibold">Hand over comms lead</summary>
          <div className="mt-3">
            <HandOverForm
              incidentId={incident.id}
              candidates={members.filter(
                (m) => m.role !== "viewer" && m.id !== incident.commsLeadId,
              )}
            />
          </div>
        </details>
      )}
      <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          Timeline
        </h2>
        <Timeline
          incident={data}
          timeZone={settings.timeZone}
          canEdit={canEdit}
          deliveries={deliveries}
          queued={queued}
        />
        {/* Counts move on their own after a publish: follow them until nothing is in flight. */}
        <LiveRefresh
          active={queued.size > 0 || deliveries.some((d) => d.channels.some((c) => c.pending > 0))}
        />
      </section>
      {canEdit && (
        // Keyed by state: once resolved, "Reopen" starts collapsed instead of inheriting "Resolve"'s open panel.
        <details
          key={resolved ? "reopen" : "resolve"}
          className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800"
        >
          <summary className="cursor-pointer font-semibold">
            {resolved ? "Reopen incident" : "Resolve incident"}
          </summary>
          <div className="mt-3">
            {resolved ? <ReopenForm context={context} /> : <ResolveForm context={context} />}
          </div>
        </details>
      )}
    </div>
  );
}
