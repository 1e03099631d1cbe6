import { COMPONENT_STATUSES, type ComponentStatus } from "../db/schema/enums";

export const STATUS_LABELS: Record<ComponentStatus, string> = {
  operational: "Operational",
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
  under_maintenance: "Under maintenance",
};

/** The worst of several statuses (COMPONENT_STATUSES is ordered worst first). */
export function worstStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst = COMPONENT_STATUSES.length - 1;
  for (const s of statuses) worst = Math.min(worst, COMPONENT_STATUSES.indexOf(s));
  return COMPONENT_STATUSES[worst]!;
}
