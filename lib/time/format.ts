import type { DayKey } from "./days";

/**
 * Building an Intl.DateTimeFormat costs far more than formatting with one (a
 * large page formats thousands of days): one formatter per format and zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${name}:${options.timeZone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat("en-US", options)));
  return f;
}

/** Display formats shared by the server render and the client enhancement, so both read the same. */
export function formatDateTime(date: Date, timeZone: string): string {
  return formatter("date-time", {
    timeZone,
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(date);
}

/**
 * "Mar 2, 14:05 EST": a moment as read in the page's time zone, with the zone
 * named; "Mar 2, 2025, 14:05 EST" when it is not this year (in that zone), so
 * nothing old reads as recent. The console's and messages' format.
 */
export function formatStamp(date: Date, timeZone: string, now = new Date()): string {
  const year = formatter("year", { timeZone, year: "numeric" });
  const otherYear = year.format(date) !== year.format(now);
  return formatter(otherYear ? "stamp-year" : "stamp", {
    timeZone,
    month: "short",
    day: "numeric",
    ...(otherYear ? { year: "numeric" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(date);
}

/** "14:05 EST": a time of day in the page's time zone. */
export function formatTime(date: Date, timeZone: string): string {
  return formatter("time", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(date);
}

const dayFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  month: "short",
  day: "numeric",
  year: "numeric",
});
export function formatDay(day: DayKey): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** "Dec 4" this year, "Dec 4, 2027" otherwise: a promised day, such as an RCA's, said as people say it. */
export function formatShortDay(day: DayKey, today: DayKey): string {
  if (day.slice(0, 4) !== today.slice(0, 4)) return formatDay(day);
  const shortDay = formatter("short-day", { timeZone: "UTC", month: "short", day: "numeric" });
  return shortDay.format(new Date(`${day}T00:00:00Z`));
}

const monthFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  month: "long",
  year: "numeric",
});
export function formatMonth(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

/** "2 h 5 min", "45 min", "3 d 4 h". */
export function formatDuration(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}`;
  const h = Math.floor(m / 60);
  return `${Math.floor(h / 24)} d${h % 24 ? ` ${h % 24} h` : ""}`;
}

/** Truncated, never rounded up: 99.999% must not read as 100%. */
export function formatPercent(ratio: number | null): string {
  if (ratio === null) return "No data";
  if (ratio >= 1) return "100%";
  return `${(Math.floor(ratio * 10_000) / 100).toFixed(2)}%`;
}

/** "in 12 min", "12 min ago", "just now". */
export function formatRelative(date: Date, now: Date): string {
  const diff = Math.round((date.getTime() - now.getTime()) / 60_000);
  if (Math.abs(diff) < 1) return "just now";
  const text = formatDuration(Math.abs(diff));
  return diff > 0 ? `in ${text}` : `${text} ago`;
}
