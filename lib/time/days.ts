import { TZDate } from "@date-fns/tz";

/**
 * Calendar days as "YYYY-MM-DD" strings in a given IANA time zone. Uptime days,
 * history months and calendars are all counted in the page's time zone.
 */
export type DayKey = string;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The day (in `timeZone`) that contains the instant. */
export function dayKeyOf(instant: Date, timeZone: string): DayKey {
  return formatter(timeZone).format(instant);
}

/** The instant a day starts in `timeZone` (DST-aware). */
export function startOfDayKey(day: DayKey, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, timeZone).getTime());
}

export function addDays(day: DayKey, n: number): DayKey {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Inclusive list of days from `from` to `to`. */
export function dayRange(from: DayKey, to: DayKey): DayKey[] {
  const days: DayKey[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** "YYYY-MM" of a day. */
export const monthOf = (day: DayKey) => day.slice(0, 7);
