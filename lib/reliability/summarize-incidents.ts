import { SEVERITIES, type Severity } from "../db/schema";
import { median, minutesToFirstPost } from "./time-to-first-post";
import { promiseOutcomes, type PromiseUpdate } from "./update-promises";

/** What the report needs to know about one incident. */
export type IncidentFacts = {
  id: string;
  severity: Severity;
  startedAt: Date;
  resolvedAt: Date | null;
  /** A postmortem has been published (publishedRevision > 0). */
  rcaPublished: boolean;
  updates: PromiseUpdate[];
};

/** `hits` out of `total`; the page shows both, so a 100% over one incident reads as such. */
export type Share = { hits: number; total: number };

export type IncidentFigures = {
  incidentsBySeverity: Record<Severity, number>;
  incidentCount: number;
  resolvedCount: number;
  /** Mean of resolvedAt − startedAt over incidents resolved in the window; null when none were. */
  meanMinutesToResolve: number | null;
  /** Median of first alert (or declared start) → first published update, over incidents started in the window. */
  medianMinutesToFirstPost: number | null;
  /** Incidents resolved in the window that have a published RCA. */
  rcaPublished: Share;
  /** "Next update by" promises made in the window and already due or answered. */
  updatesOnTime: Share;
};

export type ReportWindow = { start: Date; end: Date };

const MINUTE = 60_000;
const within = (at: Date, { start, end }: ReportWindow) => at >= start && at <= end;

/**
 * Incident figures for a window ending now (`window.end`). An incident counts
 * when it overlaps the window; resolution figures use incidents resolved
 * within it; promises are those made (update shown) within it, minus the ones
 * still pending, since they can still be kept.
 */
export function summarizeIncidents(
  list: readonly IncidentFacts[],
  window: ReportWindow,
): IncidentFigures {
  const overlapping = list.filter(
    (i) => i.startedAt <= window.end && (i.resolvedAt === null || i.resolvedAt >= window.start),
  );
  const resolved = overlapping.filter((i) => i.resolvedAt !== null && within(i.resolvedAt, window));
  const incidentsBySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [s, overlapping.filter((i) => i.severity === s).length]),
  ) as Record<Severity, number>;
  const promises = overlapping
    .flatMap((i) => promiseOutcomes(i.updates, i.resolvedAt, window.end))
    .filter((p) => p.outcome !== "pending" && within(p.update.displayAt, window));
  const minutesToResolve = resolved.map(
    (i) => (i.resolvedAt!.getTime() - i.startedAt.getTime()) / MINUTE,
  );
  const minutesToPost = overlapping
    .filter((i) => within(i.startedAt, window))
    .flatMap((i) => {
      const m = minutesToFirstPost(i.startedAt, i.updates);
      return m === null ? [] : [m];
    });
  return {
    incidentsBySeverity,
    incidentCount: overlapping.length,
    resolvedCount: resolved.length,
    meanMinutesToResolve:
      minutesToResolve.length > 0
        ? minutesToResolve.reduce((s, m) => s + m, 0) / minutesToResolve.length
        : null,
    medianMinutesToFirstPost: median(minutesToPost),
    rcaPublished: { hits: resolved.filter((i) => i.rcaPublished).length, total: resolved.length },
    updatesOnTime: {
      hits: promises.filter((p) => p.outcome === "kept").length,
      total: promises.length,
    },
  };
}

export const shareRatio = ({ hits, total }: Share): number | null =>
  total > 0 ? hits / total : null;
