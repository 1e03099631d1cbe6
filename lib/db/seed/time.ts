/**
 * Time helpers for the demo seed. Every timestamp is derived from the `now`
 * passed to the seed, so the demo always looks "current" and tests are stable.
 */

const MINUTE = 60_000;

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * MINUTE);
}

export function addDays(date: Date, days: number): Date {
  return addMinutes(date, days * 24 * 60);
}

/** `dayOffset` days from now's UTC day, at "HH:MM" UTC. */
export function utcDayAt(now: Date, dayOffset: number, hhmm: string): Date {
  const [hours, minutes] = hhmm.split(":").map(Number);
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + dayOffset, hours, minutes),
  );
}

/** The calendar date (YYYY-MM-DD, UTC) of a moment, the shape of `date` columns. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of a YYYY-MM-DD date. */
export function startOfIsoDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** "Jun 30, 23:20 EDT": a moment as read in the page's time zone. */
export function formatStamp(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(date);
}

/** "Friday, July 11": a day as a reader would say it. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: "UTC",
    weekday: "long",
    month: "long",
    day: "numeric",
  }).format(startOfIsoDate(day));
}
