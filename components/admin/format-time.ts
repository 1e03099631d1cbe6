const TIME = {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
} as const;

/** "Mar 2, 14:05 EST": a moment as read in the page's time zone, with the zone named. */
export function formatStamp(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    ...TIME,
  }).format(date);
}

/** "14:05 EST": a time of day in the page's time zone. */
export function formatTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, ...TIME }).format(date);
}
