import type { ComponentStatus } from "../db/schema";

/** SPEC §6: a partial outage minute counts as 0.3 of a down minute; degraded and maintenance count as up. */
export const DOWNTIME_WEIGHT: Record<ComponentStatus, number> = {
  major_outage: 1,
  partial_outage: 0.3,
  degraded_performance: 0,
  under_maintenance: 0,
  operational: 0,
};

export function uptimeRatio(observedMinutes: number, downtimeMinutes: number): number | null {
  return observedMinutes > 0 ? Math.max(0, 1 - downtimeMinutes / observedMinutes) : null;
}
