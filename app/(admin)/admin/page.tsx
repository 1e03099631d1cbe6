import { requestCtx } from "@/app/_lib/request-context";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { withCadenceUpdates } from "@/lib/incidents/list-incidents";
import { listRcasDue } from "@/lib/postmortems/list-postmortems";
import { dayKeyOf } from "@/lib/time/days";
import { formatDateTime, formatDuration } from "@/lib/time/format";
import { StatusLabel } from "@/components/status/status-dot";
import { OpenIncidentRow } from "./incidents/_components/incident-summary";
import { RcasDue } from "./_components/rcas-due";
import { DraftCard } from "./_components/draft-card";
import { listDrafts } from "@/lib/inbound/drafts/list-drafts";
import { hasRole } from "@/lib/auth/authorize";
import { loadPickableComponents } from "./incidents/load-pickable";
import { formatMinutesToPost } from "@/lib/reliability/time-to-first-post";
import { FIRST_POST_WINDOW_DAYS } from "@/lib/dashboard/get-dashboard";

export default async function DashboardPage() {
  const ctx = await requestCtx();
  const {
    openIncidents: open,
    maintenance,
    degraded,
    medianMinutesToFirstPost: toFirstPost,
  } = await getDashboard({ ctx });
  const [openIncidents, settings, rcasDue, drafts, pickable] = await Promise.all([
    withCadenceUpdates(ctx, open),
    getPageSettings(ctx.db),
    listRcasDue({ ctx }),
    listDrafts({ ctx }),
    loadPickableComponents(ctx.db),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      {drafts.length > 0 && (
        <section aria-labelledby="drafts" className="flex flex-col gap-3">
          <h2 id="drafts" className="text-lg font-semibold">
            Drafts from alerts ({drafts.length})
          </h2>
          {drafts.map((d) => (
            <DraftCard
              key={d.id}
              draft={{
                id: d.id,
                title: d.title,
                severity: d.severity,
                body: d.body,
                components: d.components,
                alertsResolved: d.alertsResolvedAt !== null,
                firstAlert: formatDateTime(d.firstAlertAt, settings.timeZone),
                fromUpstream: d.upstreamPageId !== null,
              }}
              components={pickable}
              canPublish={hasRole(ctx.actor, "editor")}
            />
          ))}
        </section>
      )}
      <section aria-labelledby="open-incidents">
        <h2 id="open-incidents" className="text-lg font-semibold">
          Open incidents ({openIncidents.length})
        </h2>
        <ul className="mt-2 divide-y divide-zinc-200 dark:divide-zinc-800">
          {openIncidents.map((i) => (
            <OpenIncidentRow key={i.id} incident={i} timeZone={settings.timeZone} />
          ))}
          {openIncidents.length === 0 && <li className="py-2">No open incidents.</li>}
        </ul>
      </section>
      <p className="text-sm">
        Median time to first public post (last {FIRST_POST_WINDOW_DAYS} days):{" "}
        <strong>
          {toFirstPost === null ? "no incidents" : formatMinutesToPost(toFirstPost, formatDuration)}
        </strong>
      </p>
      <RcasDue rows={rcasDue} today={dayKeyOf(new Date(), settings.timeZone)} />
      <section aria-labelledby="not-operational">
        <h2 id="not-operational" className="text-lg font-semibold">
          Components not operational ({degraded.length})
        </h2>
        <ul className="mt-2 flex flex-col gap-1">
          {degraded.map((c) => (
            <li key={c.id} className="flex gap-3">
              {c.name} <StatusLabel status={c.status} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="maintenance">
        <h2 id="maintenance" className="text-lg font-semibold">
          Maintenance ({maintenance.length})
        </h2>
        <ul className="mt-2 flex flex-col gap-1">
          {maintenance.map((m) => (
            <li key={m.id}>
              {m.title} — {m.state.replace("_", " ")}, from{" "}
              {formatDateTime(m.scheduledFor, settings.timeZone)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
