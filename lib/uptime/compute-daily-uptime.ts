import type { ComponentStatus } from "../db/schema";
import { addDays, startOfDayKey, type DayKey } from "../time/days";
import { DOWNTIME_WEIGHT, uptimeRatio } from "./weights";

export type StatusChange = { at: Date; toStatus: ComponentStatus };

export type DayMinutes = {
  day: DayKey;
  /** Minutes of the day that have elapsed and count (0 for a day not yet begun). */
  observedMinutes: number;
  majorMinutes: number;
  partialMinutes: number;
  /** Weighted: major × 1 + partial × 0.3. */
  downtimeMinutes: number;
};

const MINUTE = 60_000;

export type DayBounds = { start: number; end: number };

/** Where each day starts and ends in `timeZone` (DST-aware, and costly: compute once per day, not per component). */
export function dayBounds(days: DayKey[], timeZone: string): DayBounds[] {
  return days.map((day) => ({
    start: startOfDayKey(day, timeZone).getTime(),
    end: startOfDayKey(addDays(day, 1), timeZone).getTime(),
  }));
}

/**
 * Splits a component's status history into per-day minutes. Pure: `changes`
 * must be sorted by time and include the last change before the first day (or
 * the status is taken as operational until the first change). Days are counted
 * in `timeZone`; the current day counts only up to `now`.
 */
export function computeDailyMinutes(input: {
  changes: StatusChange[];
  days: DayKey[];
  timeZone: string;
  now: Date;
  /** dayBounds(days, timeZone), when computing many components over the same days. */
  bounds?: DayBounds[];
}): DayMinutes[] {
  const { changes, days, timeZone, now } = input;
  const bounds = input.bounds ?? dayBounds(days, timeZone);
  return days.map((day, i) => {
    const start = bounds[i]!.start;
    const end = Math.min(bounds[i]!.end, now.getTime());
    const result: DayMinutes = {
      day,
      observedMinutes: 0,
      majorMinutes: 0,
      partialMinutes: 0,
      downtimeMinutes: 0,
    };
    if (end <= start) return result;
    result.observedMinutes = (end - start) / MINUTE;
    let status: ComponentStatus = "operational";
    let cursor = start;
    const close = (until: number) => {
      const minutes = Math.max(0, until - cursor) / MINUTE;
      if (status === "major_outage") result.majorMinutes += minutes;
      if (status === "partial_outage") result.partialMinutes += minutes;
      result.downtimeMinutes += minutes * DOWNTIME_WEIGHT[status];
    };
    for (const change of changes) {
      const at = change.at.getTime();
      if (at <= start) {
        status = change.toStatus;
        continue;
      }
      if (at >= end) break;
      close(at);
      cursor = at;
      status = change.toStatus;
    }
    close(end);
    return result;
  });
}

/** Uptime over several days: 1 − Σdowntime / Σobserved (null when nothing was observed). */
export function uptimeOver(
  days: Pick<DayMinutes, "observedMinutes" | "downtimeMinutes">[],
): number | null {
  const observed = days.reduce((s, d) => s + d.observedMinutes, 0);
  const downtime = days.reduce((s, d) => s + d.downtimeMinutes, 0);
  return uptimeRatio(observed, downtime);
}
