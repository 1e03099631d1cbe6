import { requestCtx } from "@/app/_lib/request-context";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { StatusLabel } from "@/components/status/status-dot";

export default async function DashboardPage() {
  const { openIncidents, maintenance, degraded } = await getDashboard({ ctx: await requestCtx() });
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <section aria-labelledby="open-incidents">
        <h2 id="open-incidents" className="text-lg font-semibold">
          Open incidents ({openIncidents.length})
        </h2>
        <ul className="mt-2 flex flex-col gap-1">
          {openIncidents.map((i) => (
            <li key={i.id}>
              <span className="font-mono text-sm">{i.severity}</span> {i.title} — {i.state}
            </li>
          ))}
          {openIncidents.length === 0 && <li>No open incidents.</li>}
        </ul>
      </section>
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
              {m.title} — {m.state}, from {m.scheduledFor.toISOString().slice(0, 16).replace("T", " ")} UTC
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
