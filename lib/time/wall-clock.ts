import { TZDate, tzName, tzOffset } from "@date-fns/tz";

/**
 * A wall-clock reading as a `datetime-local` input holds it: "2026-03-08T02:30".
 * Console times are entered in the page's time zone, whatever zone the
 * browser is in; these convert between such a reading and the instant it names.
 */
export type WallClock = string;

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The reading for a calendar day (month 1–12) and a time of day, to the minute. */
export function wallClockOf(
  year: number,
  month: number,
  day: number,
  hours: number,
  minutes: number,
): WallClock {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hours)}:${pad(minutes)}`;
}

/** The reading a clock in `timeZone` shows at `instant`, to the minute. */
export function instantToWallClock(instant: Date, timeZone: string): WallClock {
  const t = new TZDate(instant.getTime(), timeZone);
  return wallClockOf(t.getFullYear(), t.getMonth() + 1, t.getDate(), t.getHours(), t.getMinutes());
}

/**
 * The instant at which a clock in `timeZone` reads `value`; null for anything
 * that is not a reading. A time skipped when clocks go forward is read as
 * after the jump (02:30 on a 02:00→03:00 night is 03:30); a time that occurs
 * twice when clocks go back is read as its first occurrence.
 */
export function wallClockToInstant(value: WallClock, timeZone: string): Date | null {
  const match = WALL_CLOCK.exec(value);
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const at = new Date(+new TZDate(year, month - 1, day, hours, minutes, 0, 0, timeZone));
  if (Number.isNaN(at.getTime())) return null;
  // Of a reading that occurs twice, TZDate's pick depends on the zone the code runs
  // in (server and browsers differ): take the first, the one with the earlier offset.
  const offsetBefore = tzOffset(timeZone, new Date(at.getTime() - DAY_MS));
  const offsetAt = tzOffset(timeZone, at);
  if (offsetBefore > offsetAt) {
    const earlier = new Date(at.getTime() - (offsetBefore - offsetAt) * 60_000);
    if (instantToWallClock(earlier, timeZone) === instantToWallClock(at, timeZone)) return earlier;
  }
  return at;
}

/** True when clocks in `timeZone` never show `value` (skipped as they go forward). */
export function isSkippedWallClock(value: WallClock, timeZone: string): boolean {
  const at = wallClockToInstant(value, timeZone);
  return at !== null && instantToWallClock(at, timeZone) !== value.slice(0, 16);
}

/** "EST", "CEST", "GMT+9": the zone's short name at that instant. */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  return tzName(timeZone, instant, "short");
}
