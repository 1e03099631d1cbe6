import type { Indicator } from "@/lib/public/overall-status";
import { SOLID, TONE_OF_INDICATOR } from "./tones";

const ICON: Record<Indicator, string> = {
  none: "✓",
  minor: "!",
  major: "!",
  critical: "✕",
  maintenance: "⚙",
};

/** The page-wide status: the first thing a worried customer reads. */
export function OverallBanner({
  indicator,
  description,
}: {
  indicator: Indicator;
  description: string;
}) {
  return (
    <div
      role="status"
      className={`flex items-center gap-3 rounded-lg px-5 py-4 text-lg font-semibold ${SOLID[TONE_OF_INDICATOR[indicator]]}`}
    >
      <span
        aria-hidden="true"
        className="flex h-7 w-7 items-center justify-center rounded-full bg-white/20"
      >
        {ICON[indicator]}
      </span>
      {description}
    </div>
  );
}

export function StaleNotice({ since, children }: { since?: string; children?: React.ReactNode }) {
  return (
    <p
      role="alert"
      className="rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
    >
      This page may be out of date: we cannot reach our database right now
      {since ? `; showing what we knew at ${since}` : ""}. {children}
    </p>
  );
}
