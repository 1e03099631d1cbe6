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
        ...summarizeIncidents(facts.incidentsOf.get(c.id) ?? [], window),
        uptime: uptime.get(c.id)?.uptime ?? null,
      },
    })),
  };
}

/** Incidents overlapping the window, with their updates, RCA state and affected components. */
async function loadIncidentFacts(
  db: Db,
  window: ReportWindow,
): Promise<{ incidents: IncidentFacts[]; incidentsOf: Map<string, IncidentFacts[]> }> {
  const inWindow = and(
    lte(incidents.startedAt, window.end),
    or(isNull(incidents.resolvedAt), gte(incidents.resolvedAt, window.start)),
  );
  // The window's incidents as a subquery, not a list of their ids: a year is a thousand ids per
  // statement for the driver to bind, three times.
  const ids = db.select({ id: incidents.id }).from(incidents).where(inWindow);
  const [rows, updates, published, affected] = await Promise.all([
    db
      .select({
        id: incidents.id,
        severity: incidents.severity,
        startedAt: incidents.startedAt,
        resolvedAt: incidents.resolvedAt,
      })
      .from(incidents)
      .where(inWindow),
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
  const updatesOf = new Map<string, typeof updates>();
  for (const u of updates) {
    const list = updatesOf.get(u.incidentId);
    if (list) list.push(u);
    else updatesOf.set(u.incidentId, [u]);
  }
  const facts = rows.map((r) => ({
    ...r,
    rcaPublished: withRca.has(r.id),
    updates: updatesOf.get(r.id) ?? [],
  }));
  // Each component's incidents (an incident may list a component twice: counted once).
  const byId = new Map(facts.map((f) => [f.id, f]));
  const incidentsOf = new Map<string, Set<IncidentFacts>>();
  for (const a of affected) {
    const fact = byId.get(a.incidentId);
    if (!fact) continue;
    let set = incidentsOf.get(a.componentId);
    if (!set) incidentsOf.set(a.componentId, (set = new Set()));
    set.add(fact);
  }
  return {
    incidents: facts,
    incidentsOf: new Map([...incidentsOf].map(([id, set]) => [id, [...set]])),
  };
}
