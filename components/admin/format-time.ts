const TIME = {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
} as const;

const yearIn = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric" }).format(date);

/**
 * "Mar 2, 14:05 EST": a moment as read in the page's time zone, with the zone
 * named; "Mar 2, 2025, 14:05 EST" when it is not this year, so nothing old reads as recent.
 */
export function formatStamp(date: Date, timeZone: string, now = new Date()): string {
  const otherYear = yearIn(date, timeZone) !== yearIn(now, timeZone);
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    ...(otherYear ? { year: "numeric" } : {}),
    ...TIME,
  }).format(date);
}

/** "14:05 EST": a time of day in the page's time zone. */
export function formatTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, ...TIME }).format(date);
}
