import { TZDate } from "@date-fns/tz";
import type { MaintenanceRepeat } from "../db/schema";
import { wallClockOf, wallClockToInstant } from "../time/wall-clock";

/**
 * The `n`th occurrence after `anchor` (the series' first start), at the same
 * wall-clock time in `timeZone`, so a weekly 02:00 window stays at 02:00 across
 * daylight-saving changes (a time that occurs twice is its first occurrence, one
 * that is skipped is read after the jump, whatever zone the server runs in: the
 * console's rule, lib/time/wall-clock.ts). Monthly keeps the anchor's day, or the
 * month's last day when it has fewer (a window on the 31st runs on 30 April).
 */
export function nthOccurrence(
  anchor: Date,
  repeat: MaintenanceRepeat,
  n: number,
  timeZone: string,
): Date {
  const local = new TZDate(anchor.getTime(), timeZone);
  const [y, m, d] = [local.getFullYear(), local.getMonth(), local.getDate()];
  const [hh, mm] = [local.getHours(), local.getMinutes()];
  const at = (year: number, month: number, day: number) => {
    // Date.UTC only to carry day 32 into the next month; the reading is then placed in the page's zone.
    const date = new Date(Date.UTC(year, month, day));
    const reading = wallClockOf(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      hh,
      mm,
    );
    return wallClockToInstant(reading, timeZone)!;
  };
  if (repeat === "daily") return at(y, m, d + n);
  if (repeat === "weekly") return at(y, m, d + 7 * n);
  const daysInMonth = new Date(Date.UTC(y, m + n + 1, 0)).getUTCDate();
  return at(y, m + n, Math.min(d, daysInMonth));
}

/** The first occurrence of the series that starts after `after`. */
export function nextOccurrenceAfter(
  anchor: Date,
  repeat: MaintenanceRepeat,
  after: Date,
  timeZone: string,
): Date {
  // Jump close, then step: a series years old costs a few iterations, not thousands.
  const period = { daily: 86_400_000, weekly: 7 * 86_400_000, monthly: 28 * 86_400_000 }[repeat];
  let n = Math.max(1, Math.floor((after.getTime() - anchor.getTime()) / period) - 2);
  if (repeat === "monthly") n = Math.max(1, Math.floor(n * (28 / 31)) - 1);
  while (nthOccurrence(anchor, repeat, n, timeZone) <= after) n++;
  return nthOccurrence(anchor, repeat, n, timeZone);
}

/** The longest window a repeat allows: occurrences of one series never overlap. */
export const LONGEST_WINDOW_MS: Record<MaintenanceRepeat, number> = {
  daily: 86_400_000,
  weekly: 7 * 86_400_000,
  monthly: 28 * 86_400_000,
};
