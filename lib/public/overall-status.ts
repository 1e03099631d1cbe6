import type { ComponentStatus, Impact } from "../db/schema";

export type Indicator = "none" | "minor" | "major" | "critical" | "maintenance";

/** Statuspage's own wording, so existing widgets read naturally. */
export const INDICATOR_DESCRIPTIONS: Record<Indicator, string> = {
  none: "All Systems Operational",
  minor: "Minor Service Outage",
  major: "Partial System Outage",
  critical: "Major Service Outage",
  maintenance: "Service Under Maintenance",
};

const FROM_COMPONENT: Record<ComponentStatus, Indicator> = {
  operational: "none",
  under_maintenance: "maintenance",
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
};
const RANK: Indicator[] = ["none", "maintenance", "minor", "major", "critical"];

/**
 * The page-wide indicator: the worst of the components' statuses and the open
 * incidents' impact; "maintenance" only when nothing is worse.
 */
export function overallStatus(input: {
  componentStatuses: ComponentStatus[];
  openIncidentImpacts: Impact[];
  maintenanceInProgress: boolean;
}): { indicator: Indicator; description: string } {
  const candidates: Indicator[] = [
    ...input.componentStatuses.map((s) => FROM_COMPONENT[s]),
    ...input.openIncidentImpacts.map((i): Indicator => i),
    input.maintenanceInProgress ? "maintenance" : "none",
  ];
  const indicator = candidates.reduce<Indicator>(
    (worst, c) => (RANK.indexOf(c) > RANK.indexOf(worst) ? c : worst),
    "none",
  );
  return { indicator, description: INDICATOR_DESCRIPTIONS[indicator] };
}
