import Link from "next/link";
import { requestCtx } from "@/app/_lib/request-context";
import { hasRole } from "@/lib/auth/authorize";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { formatStamp } from "@/lib/time/format";
import { OpenIncidentRow } from "./_components/incident-summary";

export const metadata = { title: "Incidents · Herald" };

export default async function IncidentsPage() {
  const ctx = await requestCtx();
  const [{ open, resolved }, settings] = await Promise.all([
    listIncidents({ ctx }),
    getPageSettings(ctx.db),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-semibold">Incidents</h1>
        {hasRole(ctx.actor, "editor") && (
          <Link
            href="/admin/incidents/new"
            className="ml-auto rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800"
          >
            Declare incident
          </Link>
        )}
      </div>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading" className="text-lg font-semibold">
          Open ({open.length})
        </h2>
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {open.map((i) => (
            <OpenIncidentRow key={i.id} incident={i} timeZone={settings.timeZone} />
          ))}
          {open.length === 0 && <li className="py-2">No open incidents.</li>}
        </ul>
      </section>
      <section aria-labelledby="resolved-heading">
        <h2 id="resolved-heading" className="text-lg font-semibold">
          Recently resolved
        </h2>
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {resolved.map((i) => (
            <li key={i.id} className="flex flex-wrap gap-x-3 py-2">
              <span className="font-mono text-xs">{i.severity}</span>
              <Link href={`/admin/incidents/${i.id}`} className="underline">
                {i.title}
              </Link>
              <span className="text-sm text-zinc-600 dark:text-zinc-400">
                resolved {i.resolvedAt ? formatStamp(i.resolvedAt, settings.timeZone) : ""}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
