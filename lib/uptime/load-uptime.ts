import { and, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  components,
  componentUptimeDaily,
  incidentComponents,
  incidents,
  type Impact,
} from "../db/schema";
import { addDays, dayKeyOf, dayRange, startOfDayKey, type DayKey } from "../time/days";
import { computeDailyMinutes, uptimeOver, type DayMinutes } from "./compute-daily-uptime";
import { ensureUptimeRollups, statusChangesOf } from "./ensure-rollups";
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
  await ensureUptimeRollups(db, { timeZone, from, through: last, now, componentIds: ids });

  const [rollups, dayIncidents, live] = await Promise.all([
    // Only the columns shown, as plain rows: a large page reads 18,000 of them per render.
    db
      .select({
        componentId: componentUptimeDaily.componentId,
        day: componentUptimeDaily.day,
        observedMinutes: componentUptimeDaily.observedMinutes,
        majorMinutes: componentUptimeDaily.majorMinutes,
        partialMinutes: componentUptimeDaily.partialMinutes,
        downtimeMinutes: componentUptimeDaily.downtimeMinutes,
      })
      .from(componentUptimeDaily)
      .where(
        and(
          inArray(componentUptimeDaily.componentId, ids),
          eq(componentUptimeDaily.timeZone, timeZone),
          gte(componentUptimeDaily.day, from),
          sql`${componentUptimeDaily.day} <= ${last}`,
        ),
      ),
    incidentsByComponentDay(db, { from, last, timeZone, now, ids }),
    last === today
      ? statusChangesOf(db, ids, { start: startOfDayKey(today, timeZone), end: now })
      : new Map<string, never[]>(),
  ]);
  const byComponentDay = new Map<string, DayMinutes>(
    rollups.map((r) => [`${r.componentId}/${r.day}`, r]),
  );
  const result = new Map<string, ComponentUptime>();
  for (const c of comps) {
    const startDay = c.startDate ?? dayKeyOf(c.createdAt, timeZone);
    const changes = live.get(c.id);
    if (changes) {
      const [todayMinutes] = computeDailyMinutes({ changes, days: [today], timeZone, now });
      byComponentDay.set(`${c.id}/${today}`, todayMinutes!);
    }
    const days = window.map((day): UptimeDay => {
      const counted = day >= startDay ? byComponentDay.get(`${c.id}/${day}`) : undefined;
      const minutes = counted ?? {
        day,
        observedMinutes: 0,
        majorMinutes: 0,
        partialMinutes: 0,
        downtimeMinutes: 0,
      };
      return {
        day,
        observedMinutes: minutes.observedMinutes,
        majorMinutes: minutes.majorMinutes,
        partialMinutes: minutes.partialMinutes,
        downtimeMinutes: minutes.downtimeMinutes,
        uptime: uptimeRatio(minutes.observedMinutes, minutes.downtimeMinutes),
        incidents: dayIncidents.get(`${c.id}/${day}`) ?? [],
      };
    });
    result.set(c.id, { componentId: c.id, days, uptime: uptimeOver(days) });
  }
  return result;
}

/** Incidents that affected each component on each day of the window, keyed "componentId/day". */
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
  const map = new Map<string, DayIncident[]>();
  for (const r of rows) {
    const first = dayKeyOf(r.startedAt, timeZone);
    const end = dayKeyOf(r.resolvedAt ?? now, timeZone);
    for (const day of dayRange(first < from ? from : first, end > last ? last : end)) {
      const key = `${r.componentId}/${day}`;
      const list = map.get(key);
      if (list) list.push({ id: r.id, title: r.title, impact: r.impact });
      else map.set(key, [{ id: r.id, title: r.title, impact: r.impact }]);
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
  const days = first.days.map((d, i): UptimeDay => {
    const same = members.map((m) => m.days[i]!);
    const sum = (k: "observedMinutes" | "majorMinutes" | "partialMinutes" | "downtimeMinutes") =>
      same.reduce((s, x) => s + x[k], 0);
    const incidentsOfDay = [
      ...new Map(same.flatMap((x) => x.incidents).map((x) => [x.id, x])).values(),
    ];
    return {
      day: d.day,
      observedMinutes: sum("observedMinutes"),
      majorMinutes: sum("majorMinutes"),
      partialMinutes: sum("partialMinutes"),
      downtimeMinutes: sum("downtimeMinutes"),
      uptime: uptimeRatio(sum("observedMinutes"), sum("downtimeMinutes")),
      incidents: incidentsOfDay,
    };
  });
  return { days, uptime: uptimeOver(days) };
}
