import Link from "next/link";
import type { PastIncidentDay } from "@/lib/public/past-incidents";
import { formatDay } from "@/lib/time/format";
import { IncidentSummary } from "./incident-summary";
import { Section } from "./section";

/** The status page's recent days, today first; a quiet day says so rather than disappearing. */
export function PastIncidents({ days, timeZone }: { days: PastIncidentDay[]; timeZone: string }) {
  if (days.length === 0) return null;
  return (
    <Section title="Past incidents">
      {days.map(({ day, incidents }) => {
        const id = `past-${day}`;
        return (
          <section key={day} aria-labelledby={id} className="flex flex-col gap-1">
            <h3 id={id} className="border-b border-zinc-200 pb-1 font-medium dark:border-zinc-800">
              {formatDay(day)}
            </h3>
            {incidents.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">No incidents reported.</p>
            ) : (
              <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {incidents.map((i) => (
                  <IncidentSummary key={i.id} incident={i} timeZone={timeZone} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <Link href="/history" className="self-start text-sm underline">
        Incident history
      </Link>
    </Section>
  );
}
