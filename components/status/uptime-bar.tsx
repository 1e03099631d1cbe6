import Link from "next/link";
import type { UptimeDay } from "@/lib/uptime/load-uptime";
import { formatDay, formatDuration, formatPercent } from "@/lib/time/format";
import type { Tone } from "./tones";
import { RovingGroup } from "./roving-group";

export function toneOf(day: UptimeDay): Tone {
  if (day.uptime === null) return "neutral";
  if (day.majorMinutes > 0) return "critical";
  if (day.partialMinutes > 0) return "major";
  if (day.incidents.length > 0) return "minor";
  return "ok";
}

function summary(day: UptimeDay): string {
  if (day.uptime === null) return `${formatDay(day.day)}: no data`;
  const incidents =
    day.incidents.length === 0
      ? "no incidents"
      : `${day.incidents.length} incident${day.incidents.length > 1 ? "s" : ""}`;
  return `${formatDay(day.day)}: ${formatPercent(day.uptime)} uptime, ${incidents}`;
}

const notable = (day: UptimeDay) => day.incidents.length > 0 || day.downtimeMinutes > 0;

/**
 * 90 day bars. Every day shows its summary as a tooltip on hover and on
 * keyboard focus (CSS, from its label); days with downtime or incidents also
 * open a native popover with details and links. Both work without JavaScript.
 * Markup is kept lean on purpose: 13 bars × 90 days is most of the page.
 */
export function UptimeBar({
  id,
  name,
  days,
  uptime,
}: {
  id: string;
  name: string;
  days: UptimeDay[];
  uptime: number | null;
}) {
  return (
    <div className="mt-2">
      <RovingGroup
        label={`${name}: uptime over the last ${days.length} days`}
        className="flex h-8 gap-px sm:gap-[2px]"
      >
        {days.map((day, i) => (
          <button
            key={day.day}
            type="button"
            popoverTarget={notable(day) ? `${id}-${i}` : undefined}
            aria-label={summary(day)}
            className={`ud ud-${toneOf(day)}`}
          />
        ))}
      </RovingGroup>
      {days.map(
        (day, i) =>
          notable(day) && (
            <div key={day.day} id={`${id}-${i}`} popover="auto" className="uptime-popover">
              <p className="font-semibold">{formatDay(day.day)}</p>
              <p>
                {day.uptime === null ? "Not monitored yet" : `${formatPercent(day.uptime)} uptime`}
              </p>
              {day.majorMinutes > 0 && <p>Major outage: {formatDuration(day.majorMinutes)}</p>}
              {day.partialMinutes > 0 && (
                <p>Partial outage: {formatDuration(day.partialMinutes)}</p>
              )}
              {day.incidents.length === 0 ? (
                day.uptime !== null && (
                  <p className="text-zinc-600 dark:text-zinc-400">No incidents</p>
                )
              ) : (
                <ul className="mt-1 list-disc pl-4">
                  {day.incidents.map((inc) => (
                    <li key={inc.id}>
                      <Link href={`/incidents/${inc.id}`} className="underline">
                        {inc.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ),
      )}
      <div className="mt-1 flex justify-between text-xs text-zinc-600 dark:text-zinc-400">
        <span>{days.length} days ago</span>
        <span>{formatPercent(uptime)} uptime</span>
        <span>Today</span>
      </div>
    </div>
  );
}
