import type { ComponentStatus, Impact } from "@/lib/db/schema";
import type { Indicator } from "@/lib/public/overall-status";

/** One colour vocabulary for statuses, impacts and the page indicator. */
export type Tone = "ok" | "minor" | "major" | "critical" | "maintenance" | "neutral";

export const TONE_OF_STATUS: Record<ComponentStatus, Tone> = {
  operational: "ok",
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
  under_maintenance: "maintenance",
};
export const TONE_OF_IMPACT: Record<Impact, Tone> = {
  none: "neutral",
  minor: "minor",
  major: "major",
  critical: "critical",
};
export const TONE_OF_INDICATOR: Record<Indicator, Tone> = {
  none: "ok",
  minor: "minor",
  major: "major",
  critical: "critical",
  maintenance: "maintenance",
};

/** Solid backgrounds with white text that meets AA contrast. */
export const SOLID: Record<Tone, string> = {
  ok: "bg-green-700 text-white",
  minor: "bg-yellow-700 text-white",
  major: "bg-orange-700 text-white",
  critical: "bg-red-700 text-white",
  maintenance: "bg-blue-700 text-white",
  neutral: "bg-zinc-600 text-white",
};
export const TEXT: Record<Tone, string> = {
  ok: "text-operational",
  minor: "text-degraded",
  major: "text-partial",
  critical: "text-major",
  maintenance: "text-maintenance",
  neutral: "text-zinc-600 dark:text-zinc-400",
};
export const BAR: Record<Tone, string> = {
  ok: "bg-green-600",
  minor: "bg-yellow-500",
  major: "bg-orange-600",
  critical: "bg-red-600",
  maintenance: "bg-blue-600",
  neutral: "bg-zinc-300 dark:bg-zinc-700",
};
