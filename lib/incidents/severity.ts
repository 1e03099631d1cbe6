import type { Impact, IncidentState, Severity } from "../db/schema/enums";

/** SPEC §3: impact follows severity unless the comms lead overrides it. */
export const IMPACT_BY_SEVERITY: Record<Severity, Impact> = {
  SEV1: "critical",
  SEV2: "major",
  SEV3: "minor",
  SEV4: "none",
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  SEV1: "SEV1 · critical: full outage or data loss",
  SEV2: "SEV2 · major: degraded for many users",
  SEV3: "SEV3 · minor: a workaround exists",
  SEV4: "SEV4 · cosmetic",
};

export const STATE_LABELS: Record<IncidentState, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
};
