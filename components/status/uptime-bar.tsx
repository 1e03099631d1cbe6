import Link from "next/link";
import type { UptimeDay } from "@/lib/uptime/load-uptime";
import { formatDay, formatDuration, formatPercent } from "@/lib/time/format";
import { BAR, type Tone } from "./tones";
import { RovingGroup } from "./roving-group";

function toneOf(day: UptimeDay): Tone {
  if (day.uptime === null) return "neutral";
  if (day.majorMinutes > 0) return "critical";
  if (day.partialMinutes > 0) return "major";
  if (day.incidents.length > 0) return "minor";
  return "ok";
}

function summary(day: UptimeDay): string {
  if (day.uptime === null) return `${formatDay(day.day)}: no data`;
  const incidents = day.incidents.length === 0 ? "no incidents" : `${day.incidents.length} incident${day.incidents.length > 1 ? "s" : ""}`;
  return `${formatDay(day.day)}: ${formatPercent(day.uptime)} uptime, ${incidents}`;
}

/**
 * 90 day bars; each is a button that opens its day's details in a native
 * popover (works without JavaScript, reachable by keyboard, not hover-only).
 */
export function UptimeBar({ id, name, days, uptime }: { id: string; name: string; days: UptimeDay[]; uptime: number | null }) {
  return (
    <div className="mt-2">
      <RovingGroup label={`${name}: uptime over the last ${days.length} days`} className="flex h-8 gap-px sm:gap-[2px]">
        {days.map((day, i) => (
          <button
            key={day.day}
            type="button"
            popoverTarget={`${id}-${i}`}
            aria-label={summary(day)}
            className={`uptime-day h-full flex-1 rounded-[1px] hover:opacity-70 ${BAR[toneOf(day)]}`}
          />
        ))}
      </RovingGroup>
      {days.map((day, i) => (
        <div key={day.day} id={`${id}-${i}`} popover="auto" className="uptime-popover">
          <p className="font-semibold">{formatDay(day.day)}</p>
          <p>{day.uptime === null ? "Not monitored yet" : `${formatPercent(day.uptime)} uptime`}</p>
          {day.majorMinutes > 0 && <p>Major outage: {formatDuration(day.majorMinutes)}</p>}
          {day.partialMinutes > 0 && <p>Partial outage: {formatDuration(day.partialMinutes)}</p>}
          {day.incidents.length === 0 ? (
            day.uptime !== null && <p className="text-zinc-600 dark:text-zinc-400">No incidents</p>
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
      ))}
      <div className="mt-1 flex justify-between text-xs text-zinc-600 dark:text-zinc-400">
        <span>{days.length} days ago</span>
        <span>{formatPercent(uptime)} uptime</span>
        <span>Today</span>
      </div>
    </div>
  );
}
