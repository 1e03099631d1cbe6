import Link from "next/link";
import type { PublicIncident } from "@/lib/public/hydrate-incidents";
import { SEVERITY_IMPACT_LABELS } from "@/lib/public/labels";
import { TEXT, TONE_OF_IMPACT } from "./tones";
import { UpdateTimeline } from "./update-timeline";
import { PageTime } from "./local-time";
import { StatusLabel } from "./status-dot";

/** An open incident as the status page shows it: what is affected, every update, and when we speak next. */
export function IncidentCard({
  incident,
  timeZone,
}: {
  incident: PublicIncident;
  timeZone: string;
}) {
  const nextUpdateBy = incident.state === "resolved" ? null : incident.updates[0]?.nextUpdateBy;
  return (
    <article
      aria-labelledby={`incident-${incident.id}`}
      className="rounded-lg border border-zinc-200 p-5 dark:border-zinc-800"
    >
      <h3
        id={`incident-${incident.id}`}
        className={`text-lg font-semibold ${TEXT[TONE_OF_IMPACT[incident.impact]]}`}
      >
        <Link href={`/incidents/${incident.id}`} className="hover:underline">
          {incident.title}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {SEVERITY_IMPACT_LABELS[incident.impact]} · started{" "}
        <PageTime date={incident.startedAt} timeZone={timeZone} relative />
      </p>
      {nextUpdateBy && (
        <p className="mt-3 inline-block rounded-md bg-zinc-100 px-3 py-1.5 text-sm font-medium dark:bg-zinc-800">
          Next update by <PageTime date={nextUpdateBy} timeZone={timeZone} format="time" relative />
        </p>
      )}
      {incident.components.length > 0 && (
        <ul
          aria-label="Affected components"
          className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm"
        >
          {incident.components.map((c) => (
            <li key={c.componentId} className="flex items-center gap-2">
              {c.name} <StatusLabel status={c.status} />
            </li>
          ))}
        </ul>
      )}
      <div className="mt-4">
        <UpdateTimeline updates={incident.updates} timeZone={timeZone} />
      </div>
    </article>
  );
}
