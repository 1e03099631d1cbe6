import { and, gt, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { incidentComponents, incidents, incidentUpdates, postmortems } from "../db/schema";
import { listComponentTree } from "../components/list-component-tree";
import { combineUptime, loadUptime } from "../uptime/load-uptime";
import { addDays, dayKeyOf, startOfDayKey, type DayKey } from "../time/days";
import {
  summarizeIncidents,
  type IncidentFacts,
  type IncidentFigures,
  type ReportWindow,
} from "./summarize-incidents";

/** The windows the public page offers; 90 days matches the status page's uptime bars. */
export const RELIABILITY_WINDOWS = [30, 90, 365] as const;
export type ReliabilityWindow = (typeof RELIABILITY_WINDOWS)[number];
export const DEFAULT_RELIABILITY_WINDOW: ReliabilityWindow = 90;

export function parseReliabilityWindow(value: string | undefined): ReliabilityWindow {
  return RELIABILITY_WINDOWS.find((d) => String(d) === value) ?? DEFAULT_RELIABILITY_WINDOW;
}

export type ReliabilityFigures = IncidentFigures & { uptime: number | null };

export type ReliabilityReport = {
  days: ReliabilityWindow;
  /** First day of the window (page time zone); the window runs to `now`. */
  firstDay: DayKey;
  now: Date;
  overall: ReliabilityFigures;
  components: { id: string; name: string; figures: ReliabilityFigures }[];
};

/**
 * Reliability figures for the `days` days ending now, overall and per visible
 * component, derived from incidents, their updates, postmortems and status
 * events. Days are counted in the page's time zone like the uptime bars, so
 * both show the same uptime for the same window.
 */
export async function computeReliability(
  db: Db,
  { days, now, timeZone }: { days: ReliabilityWindow; now: Date; timeZone: string },
): Promise<ReliabilityReport> {
  const firstDay = addDays(dayKeyOf(now, timeZone), -(days - 1));
  const window: ReportWindow = { start: startOfDayKey(firstDay, timeZone), end: now };
  const [tree, uptime, facts] = await Promise.all([
    listComponentTree(db, { publicOnly: false }),
    loadUptime(db, { timeZone, days, now }),
    loadIncidentFacts(db, window),
  ]);
  const shown = [...tree.groups.flatMap((g) => g.components), ...tree.ungrouped].filter(
    (c) => c.visible,
  );
  const shownUptime = shown.flatMap((c) => uptime.get(c.id) ?? []);
  return {
    days,
    firstDay,
    now,
    overall: {
      ...summarizeIncidents(facts.incidents, window),
      uptime: combineUptime(shownUptime).uptime,
    },
    components: shown.map((c) => ({
      id: c.id,
      name: c.name,
      figures: {
        ...summarizeIncidents(
          facts.incidents.filter((i) => facts.componentsOf.get(i.id)?.has(c.id)),
          window,
        ),
        uptime: uptime.get(c.id)?.uptime ?? null,
      },
    })),
  };
}

/** Incidents overlapping the window, with their updates, RCA state and affected components. */
async function loadIncidentFacts(
  db: Db,
  window: ReportWindow,
): Promise<{ incidents: IncidentFacts[]; componentsOf: Map<string, Set<string>> }> {
  const rows = await db
    .select({
      id: incidents.id,
      severity: incidents.severity,
      startedAt: incidents.startedAt,
      resolvedAt: incidents.resolvedAt,
    })
    .from(incidents)
    .where(
      and(
        lte(incidents.startedAt, window.end),
        or(isNull(incidents.resolvedAt), gte(incidents.resolvedAt, window.start)),
      ),
    );
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { incidents: [], componentsOf: new Map() };
  const [updates, published, affected] = await Promise.all([
    db
      .select({
        incidentId: incidentUpdates.incidentId,
        displayAt: incidentUpdates.displayAt,
        nextUpdateBy: incidentUpdates.nextUpdateBy,
      })
      .from(incidentUpdates)
      .where(inArray(incidentUpdates.incidentId, ids)),
    db
      .select({ incidentId: postmortems.incidentId })
      .from(postmortems)
      .where(and(inArray(postmortems.incidentId, ids), gt(postmortems.publishedRevision, 0))),
    db
      .select({
        incidentId: incidentComponents.incidentId,
        componentId: incidentComponents.componentId,
      })
      .from(incidentComponents)
      .where(inArray(incidentComponents.incidentId, ids)),
  ]);
  const withRca = new Set(published.map((p) => p.incidentId));
  const componentsOf = new Map<string, Set<string>>();
  for (const a of affected)
    componentsOf.set(
      a.incidentId,
      (componentsOf.get(a.incidentId) ?? new Set()).add(a.componentId),
    );
  const updatesOf = new Map<string, typeof updates>();
  for (const u of updates) updatesOf.set(u.incidentId, [...(updatesOf.get(u.incidentId) ?? []), u]);
  return {
    incidents: rows.map((r) => ({
      ...r,
      rcaPublished: withRca.has(r.id),
      updates: updatesOf.get(r.id) ?? [],
    })),
    componentsOf,
  };
}
