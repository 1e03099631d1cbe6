import { and, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { executeRows } from "../db/execute-rows";
import {
  components,
  componentUptimeDaily,
  incidentComponents,
  incidents,
  type Impact,
} from "../db/schema";
import { addDays, dayKeyOf, dayRange, startOfDayKey, type DayKey } from "../time/days";
import {
  computeDailyMinutes,
  dayBounds,
  uptimeOver,
  type DayMinutes,
} from "./compute-daily-uptime";
import { ensureUptimeRollups, rollupsOfWindow, statusChangesOf } from "./ensure-rollups";
import { uptimeRatio } from "./weights";

export type DayIncident = { id: string; title: string; impact: Impact };
export type UptimeDay = DayMinutes & {
  /** null before the component's start date (nothing to count). */
  uptime: number | null;
  incidents: DayIncident[];
};
export type ComponentUptime = { componentId: string; days: UptimeDay[]; uptime: number | null };

/**
 * Per-component daily uptime for the `days` days ending today (page time zone):
 * past days from rollups, today live from events. Cost is bounded by the
 * window and the components asked for (`componentIds`, default all), never by
 * how much history exists; a fixed number of queries whatever their count.
 */
export async function loadUptime(
  db: Db,
  opts: { timeZone: string; days: number; now: Date; endDay?: DayKey; componentIds?: string[] },
): Promise<Map<string, ComponentUptime>> {
  const { timeZone, now } = opts;
  const today = dayKeyOf(now, timeZone);
  const last = opts.endDay && opts.endDay < today ? opts.endDay : today;
  const from = addDays(last, -(opts.days - 1));
  const window = dayRange(from, last);
  const comps = await db
    .select({ id: components.id, startDate: components.startDate, createdAt: components.createdAt })
    .from(components)
    .where(opts.componentIds ? inArray(components.id, opts.componentIds) : undefined);
  const ids = comps.map((c) => c.id);
  if (ids.length === 0) return new Map();
  const fingerprints = await ensureUptimeRollups(db, {
    timeZone,
    from,
    through: last,
    now,
    componentIds: ids,
  });
  const kept = keptDaysOf(`${timeZone}|${from}|${last}|${today}`);
  const startDayOf = new Map(
    comps.map((c) => [c.id, c.startDate ?? dayKeyOf(c.createdAt, timeZone)] as const),
  );
  const versionOf = (id: string) => `${fingerprints.get(id)}|${startDayOf.get(id)}`;
  const toRead = ids.filter(
    (id) => !fingerprints.has(id) || kept.get(id)?.version !== versionOf(id),
  );

  const [rollups, dayIncidents, live] = await Promise.all([
    toRead.length === 0 ? [] : readRollups(db, { ids: toRead, timeZone, from, last }),
    incidentsByComponentDay(db, { from, last, timeZone, now, ids }),
    last === today
      ? statusChangesOf(db, ids, { start: startOfDayKey(today, timeZone), end: now })
      : new Map<string, never[]>(),
  ]);
  const indexOfDay = new Map(window.map((day, i) => [day, i]));
  // Each component's rollups by their place in the window (200 components × 90 days on a cold start).
  const rollupsOf = new Map<string, (DayMinutes | undefined)[]>();
  for (const r of rollups) {
    const i = indexOfDay.get(r.day);
    if (i === undefined) continue;
    let row = rollupsOf.get(r.componentId);
    if (!row) rollupsOf.set(r.componentId, (row = []));
    row[i] = r;
  }
  // Read this call; kept for the next one unless the component's rows were not all there yet.
  const read = new Map<string, readonly UptimeDay[]>();
  for (const id of toRead) {
    const startDay = startDayOf.get(id)!;
    const row = rollupsOf.get(id);
    const days = window.map((day, i) =>
      uptimeDayOf(day >= startDay && day !== today ? row?.[i] : undefined, day),
    );
    if (fingerprints.has(id)) kept.set(id, { version: versionOf(id), days });
    else kept.delete(id);
    read.set(id, days);
  }
  // Today's bounds once (a zone's day start is costly to find), not once per component.
  const todayIndex = window.indexOf(today);
  const todayBounds = todayIndex >= 0 ? dayBounds([today], timeZone) : undefined;
  const result = new Map<string, ComponentUptime>();
  for (const c of comps) {
    // The kept past days, with only today and the days of incidents replaced.
    const days = (read.get(c.id) ?? kept.get(c.id)!.days).slice();
    const changes = live.get(c.id);
    const incidentDays = dayIncidents.get(c.id);
    if (todayIndex >= 0 && changes && today >= startDayOf.get(c.id)!) {
      const [minutes] = computeDailyMinutes({
        changes,
        days: [today],
        timeZone,
        now,
        bounds: todayBounds,
      });
      days[todayIndex] = { ...uptimeDayOf(minutes, today), incidents: NO_INCIDENTS };
    }
    for (const [day, list] of incidentDays ?? []) {
      const i = indexOfDay.get(day);
      if (i !== undefined) days[i] = { ...days[i]!, incidents: list };
    }
    result.set(c.id, { componentId: c.id, days, uptime: uptimeOver(days) });
  }
  return result;
}

/** Days kept for one window (zone, first and last day, today), per component, with the version they were read at. */
type KeptDays = Map<string, { version: string; days: readonly UptimeDay[] }>;
const keptWindows = new Map<string, KeptDays>();
/** The status page, /uptime and /reliability each show a window: a few stay, older ones go. */
const MAX_KEPT_WINDOWS = 6;

/**
 * Past days of uptime change only when their rollup rows do (on a backfilled
 * status event, a time-zone change, a new day): a page re-rendered after a
 * publish reuses them instead of reading and rebuilding every row. Kept as
 * shared, never mutated objects; a day with incidents or today is a new object.
 */
function keptDaysOf(key: string): KeptDays {
  const kept = keptWindows.get(key) ?? new Map();
  // Least recently used goes first: months browsed on /uptime must not push out the status page's window.
  keptWindows.delete(key);
  if (keptWindows.size >= MAX_KEPT_WINDOWS) keptWindows.delete(keptWindows.keys().next().value!);
  keptWindows.set(key, kept);
  return kept;
}

const NO_INCIDENTS: DayIncident[] = [];
Object.freeze(NO_INCIDENTS);

function uptimeDayOf(minutes: DayMinutes | undefined, day: DayKey): UptimeDay {
  const m = minutes ?? {
    observedMinutes: 0,
    majorMinutes: 0,
    partialMinutes: 0,
    downtimeMinutes: 0,
  };
  return {
    day,
    observedMinutes: m.observedMinutes,
    majorMinutes: m.majorMinutes,
    partialMinutes: m.partialMinutes,
    downtimeMinutes: m.downtimeMinutes,
    uptime: uptimeRatio(m.observedMinutes, m.downtimeMinutes),
    incidents: NO_INCIDENTS,
  };
}

/**
 * Rollup rows of the window, only the columns shown, as the driver returns them: a cold start reads
 * 18,000 rows for 200 components, and mapping each through the query builder's column decoders
 * cost more than reading them.
 */
function readRollups(
  db: Db,
  { ids, timeZone, from, last }: { ids: string[]; timeZone: string; from: DayKey; last: DayKey },
) {
  const t = componentUptimeDaily;
  return executeRows<DayMinutes & { componentId: string }>(
    db,
    sql`select ${t.componentId} as "componentId", ${t.day}::text as "day",
      ${t.observedMinutes} as "observedMinutes", ${t.majorMinutes} as "majorMinutes",
      ${t.partialMinutes} as "partialMinutes", ${t.downtimeMinutes} as "downtimeMinutes"
      from ${t} where ${rollupsOfWindow({ componentIds: ids, timeZone, from, last })}`,
  );
}

/** Incidents that affected each component on each day of the window: component id → day → incidents. */
async function incidentsByComponentDay(
  db: Db,
  {
    from,
    last,
    timeZone,
    now,
    ids,
  }: { from: DayKey; last: DayKey; timeZone: string; now: Date; ids: string[] },
) {
  const rows = await db
    .select({
      id: incidents.id,
      title: incidents.title,
      impact: incidents.impact,
      startedAt: incidents.startedAt,
      resolvedAt: incidents.resolvedAt,
      componentId: incidentComponents.componentId,
    })
    .from(incidents)
    .innerJoin(incidentComponents, eq(incidentComponents.incidentId, incidents.id))
    .where(
      and(
        inArray(incidentComponents.componentId, ids),
        lt(incidents.startedAt, startOfDayKey(addDays(last, 1), timeZone)),
        or(isNull(incidents.resolvedAt), gte(incidents.resolvedAt, startOfDayKey(from, timeZone))),
      ),
    );
  const map = new Map<string, Map<DayKey, DayIncident[]>>();
  for (const r of rows) {
    const first = dayKeyOf(r.startedAt, timeZone);
    const end = dayKeyOf(r.resolvedAt ?? now, timeZone);
    let byDay = map.get(r.componentId);
    if (!byDay) map.set(r.componentId, (byDay = new Map()));
    for (const day of dayRange(first < from ? from : first, end > last ? last : end)) {
      const list = byDay.get(day);
      if (list) list.push({ id: r.id, title: r.title, impact: r.impact });
      else byDay.set(day, [{ id: r.id, title: r.title, impact: r.impact }]);
    }
  }
  return map;
}

/** Group figures: days averaged over members (ignoring days they did not exist), 90-day % over summed minutes. */
export function combineUptime(members: ComponentUptime[]): {
  days: UptimeDay[];
  uptime: number | null;
} {
  const first = members[0];
  if (!first) return { days: [], uptime: null };
  // Plain loops: a page of 20 groups combines 1,800 days on every render.
  const days = first.days.map((d, i): UptimeDay => {
    let observedMinutes = 0;
    let majorMinutes = 0;
    let partialMinutes = 0;
    let downtimeMinutes = 0;
    let incidentsOfDay: Map<string, DayIncident> | undefined;
    for (const member of members) {
      const day = member.days[i]!;
      observedMinutes += day.observedMinutes;
      majorMinutes += day.majorMinutes;
      partialMinutes += day.partialMinutes;
      downtimeMinutes += day.downtimeMinutes;
      for (const incident of day.incidents)
        (incidentsOfDay ??= new Map()).set(incident.id, incident);
    }
    return {
      day: d.day,
      observedMinutes,
      majorMinutes,
      partialMinutes,
      downtimeMinutes,
      uptime: uptimeRatio(observedMinutes, downtimeMinutes),
      incidents: incidentsOfDay ? [...incidentsOfDay.values()] : NO_INCIDENTS,
    };
  });
  return { days, uptime: uptimeOver(days) };
}
