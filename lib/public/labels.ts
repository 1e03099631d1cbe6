import type { Impact } from "../db/schema";

export const SEVERITY_IMPACT_LABELS: Record<Impact, string> = {
  none: "No impact",
  minor: "Minor impact",
  major: "Major impact",
  critical: "Critical impact",
};
