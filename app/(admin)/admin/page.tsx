import { requestCtx } from "@/app/_lib/request-context";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { withCadenceUpdates } from "@/lib/incidents/list-incidents";
import { listRcasDue } from "@/lib/postmortems/list-postmortems";
import { dayKeyOf } from "@/lib/time/days";
import { formatDateTime } from "@/lib/time/format";
import { StatusLabel } from "@/components/status/status-dot";
import { OpenIncidentRow } from "./incidents/_components/incident-summary";
import { RcasDue } from "./_components/rcas-due";

export default async function DashboardPage() {
  const ctx = await requestCtx();
  const { openIncidents: open, maintenance, degraded } = await getDashboard({ ctx });
  const [openIncidents, settings, rcasDue] = await Promise.all([
    withCadenceUpdates(ctx, open),
    getPageSettings(ctx.db),
    listRcasDue({ ctx }),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
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
