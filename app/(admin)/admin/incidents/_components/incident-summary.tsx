import Link from "next/link";
import type { Incident } from "@/lib/db/schema";
import { nextUpdateDue, type CadenceUpdate } from "@/lib/cadence/cadence-state";
import { STATE_LABELS } from "@/lib/incidents/severity";
import { CadenceCountdown } from "@/components/admin/cadence-countdown";

/** One open incident as a list row: severity, title (linked), state and its live countdown. */
export function OpenIncidentRow({
  incident,
  timeZone,
}: {
  incident: Incident & { updates: CadenceUpdate[] };
  timeZone: string;
}) {
  const due = nextUpdateDue(incident, incident.updates);
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
      <span className="rounded bg-zinc-900 px-1.5 py-0.5 font-mono text-xs text-white dark:bg-zinc-100 dark:text-zinc-900">
        {incident.severity}
      </span>
      <Link href={`/admin/incidents/${incident.id}`} className="font-medium underline">
        {incident.title}
      </Link>
      <span className="text-sm text-zinc-600 dark:text-zinc-400">
        {STATE_LABELS[incident.state]}
      </span>
      <span className="ml-auto">
        <CadenceCountdown dueAt={due?.toISOString() ?? null} timeZone={timeZone} size="sm" />
      </span>
    </li>
  );
}
