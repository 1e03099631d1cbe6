import Link from "next/link";
import type { PublicIncident } from "@/lib/public/hydrate-incidents";
import { SEVERITY_IMPACT_LABELS } from "@/lib/public/labels";
import { formatDuration } from "@/lib/time/format";
import { TEXT, TONE_OF_IMPACT } from "./tones";
import { PageTime } from "./local-time";

/** One line per incident in lists (history): title, impact, when, how long. */
export function IncidentSummary({
  incident,
  timeZone,
}: {
  incident: PublicIncident;
  timeZone: string;
}) {
  const latest = incident.updates[0];
  const minutes = incident.resolvedAt
    ? (incident.resolvedAt.getTime() - incident.startedAt.getTime()) / 60_000
    : null;
  return (
    <li className="py-3">
      <Link
        href={`/incidents/${incident.id}`}
        className={`font-semibold hover:underline ${TEXT[TONE_OF_IMPACT[incident.impact]]}`}
      >
        {incident.title}
      </Link>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {SEVERITY_IMPACT_LABELS[incident.impact]} ·{" "}
        <PageTime date={incident.startedAt} timeZone={timeZone} />
        {minutes !== null ? ` · lasted ${formatDuration(minutes)}` : " · ongoing"}
        {incident.postmortemPublishedAt && " · postmortem published"}
      </p>
      {latest && <p className="mt-1 line-clamp-2 text-sm">{latest.body.replace(/[*_`#>]/g, "")}</p>}
    </li>
  );
}
