import type { UptimeDay } from "@/lib/uptime/load-uptime";
import { uptimeOver } from "@/lib/uptime/compute-daily-uptime";
import { formatMonth, formatPercent } from "@/lib/time/format";
import { SOLID } from "./tones";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function tone(day: UptimeDay) {
  // Solid tones: the cell carries white text, so it needs AA contrast.
  if (day.uptime === null) return SOLID.neutral;
  if (day.majorMinutes > 0) return SOLID.critical;
  if (day.partialMinutes > 0) return SOLID.major;
  return day.incidents.length > 0 ? SOLID.minor : SOLID.ok;
}

/** A month as a table of days (a real table, so screen readers announce weekday and date). */
export function UptimeCalendar({ month, days }: { month: string; days: UptimeDay[] }) {
  const inMonth = days.filter((d) => d.day.startsWith(month));
  const leading = new Date(`${month}-01T00:00:00Z`).getUTCDay();
  const cells: (UptimeDay | null)[] = [...Array<null>(leading).fill(null), ...inMonth];
  const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) =>
    cells.slice(w * 7, w * 7 + 7),
  );
  return (
    <table className="w-full table-fixed border-separate border-spacing-1 text-center text-xs">
      <caption className="mb-2 text-left text-base font-semibold">
        {formatMonth(month)}{" "}
        <span className="font-normal text-zinc-600 dark:text-zinc-400">
          · {formatPercent(uptimeOver(inMonth))} uptime
        </span>
      </caption>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col" className="font-medium text-zinc-600 dark:text-zinc-400">
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((day, i) =>
              day ? (
                <td key={day.day} className={`rounded py-1.5 ${tone(day)}`}>
                  <span className="block font-semibold">{Number(day.day.slice(8))}</span>
                  <span className="block text-[0.65rem]">
                    {day.uptime === null ? "–" : formatPercent(day.uptime)}
                  </span>
                  {day.incidents.length > 0 && (
                    <span className="sr-only">
                      , incidents: {day.incidents.map((x) => x.title).join("; ")}
                    </span>
                  )}
                </td>
              ) : (
                <td key={`empty-${i}`} />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
