import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { componentStatusEvents, componentUptimeDaily } from "../db/schema";
import { executeRows } from "../db/execute-rows";
import { addDays, dayKeyOf, dayRange, startOfDayKey, type DayKey } from "../time/days";
import { computeDailyMinutes, dayBounds, type StatusChange } from "./compute-daily-uptime";

/**
 * Makes sure each of `componentIds` has a rollup row, counted in `timeZone`,
 * for each whole day from `from` to `through` (at most yesterday). Rollups are
 * kept true on write (drizzle/0007: a status event drops the rows it affects, a
 * time-zone change the rows of other zones), so this only fills gaps: its cost
 * is the missing days of the components shown, never the history behind them.
 * Safe to run concurrently: rows are upserted.
 *
 * Returns a fingerprint (row count and latest computation) per component whose
 * rows were all there already: a reader that kept those rows from an earlier
 * call may reuse them while the fingerprint is unchanged (the write-side
 * triggers delete rows, and every write of a row stamps it with now()).
 */
export async function ensureUptimeRollups(
  db: Db,
  {
    timeZone,
    from,
    through,
    now,
    componentIds,
  }: { timeZone: string; from: DayKey; through: DayKey; now: Date; componentIds: string[] },
) {
  const yesterday = addDays(dayKeyOf(now, timeZone), -1);
  const last = through < yesterday ? through : yesterday;
  const fingerprints = new Map<string, string>();
  if (from > last || componentIds.length === 0) return fingerprints;
  const wanted = dayRange(from, last);
  const have = await db
    .select({
      componentId: componentUptimeDaily.componentId,
      n: sql<number>`count(*)::int`,
      latest: sql<string>`max(${componentUptimeDaily.computedAt})::text`,
    })
    .from(componentUptimeDaily)
    .where(rollupsOfWindow({ componentIds, timeZone, from, last }))
    .groupBy(componentUptimeDaily.componentId);
  for (const h of have)
    if (h.n === wanted.length) fingerprints.set(h.componentId, `${h.n}@${h.latest}`);
  const missing = componentIds.filter((id) => !fingerprints.has(id));
  if (missing.length === 0) return fingerprints;
  const changes = await statusChangesOf(db, missing, {
    start: startOfDayKey(from, timeZone),
    end: startOfDayKey(addDays(last, 1), timeZone),
  });
  const bounds = dayBounds(wanted, timeZone);
  const rows = missing.flatMap((componentId) =>
    computeDailyMinutes({
      changes: changes.get(componentId) ?? [],
      days: wanted,
      timeZone,
      now,
      bounds,
    }).map((d) => ({
      component_id: componentId,
      day: d.day,
      observed_minutes: d.observedMinutes,
      major_minutes: d.majorMinutes,
      partial_minutes: d.partialMinutes,
      downtime_minutes: d.downtimeMinutes,
      time_zone: timeZone,
    })),
  );
  // One JSON parameter, not eight per row: a statement building 18,000 rows of parameters takes seconds.
  await db.execute(sql`
    insert into component_uptime_daily
      (component_id, day, observed_minutes, major_minutes, partial_minutes, downtime_minutes, time_zone)
    select r.component_id, r.day, r.observed_minutes, r.major_minutes, r.partial_minutes,
           r.downtime_minutes, r.time_zone
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(
      component_id text, day date, observed_minutes real, major_minutes real,
      partial_minutes real, downtime_minutes real, time_zone text)
    on conflict (component_id, day) do update set
      observed_minutes = excluded.observed_minutes, major_minutes = excluded.major_minutes,
      partial_minutes = excluded.partial_minutes, downtime_minutes = excluded.downtime_minutes,
      time_zone = excluded.time_zone, computed_at = now()`);
  return fingerprints;
}

/** Rollup rows of `componentIds` counted in `timeZone`, from `from` to `last` inclusive. */
export function rollupsOfWindow({
  componentIds,
  timeZone,
  from,
  last,
}: {
  componentIds: string[];
  timeZone: string;
  from: DayKey;
  last: DayKey;
}) {
  return and(
    inArray(componentUptimeDaily.componentId, componentIds),
    eq(componentUptimeDaily.timeZone, timeZone),
    gte(componentUptimeDaily.day, from),
    sql`${componentUptimeDaily.day} <= ${last}`,
  );
}

/**
 * Each component's status changes in [start, end), preceded by its last change
 * before `start` (the status in force then). Two queries for any number of components.
 */
export async function statusChangesOf(
  db: Db,
  componentIds: string[],
  { start, end }: { start: Date; end: Date },
): Promise<Map<string, StatusChange[]>> {
  const result = new Map<string, StatusChange[]>(componentIds.map((id) => [id, []]));
  if (componentIds.length === 0) return result;
  const [before, during] = await Promise.all([
    executeRows<{ component_id: string; at: string | Date; to_status: StatusChange["toStatus"] }>(
      db,
      sql`select distinct on (component_id) component_id, "at", to_status
          from component_status_events
          where component_id in ${componentIds} and "at" < ${start.toISOString()}::timestamptz
          order by component_id, "at" desc`,
    ),
    db
      .select({
        componentId: componentStatusEvents.componentId,
        at: componentStatusEvents.at,
        toStatus: componentStatusEvents.toStatus,
      })
      .from(componentStatusEvents)
      .where(
        and(
          inArray(componentStatusEvents.componentId, componentIds),
          gte(componentStatusEvents.at, start),
          lt(componentStatusEvents.at, end),
        ),
      )
      .orderBy(asc(componentStatusEvents.at), asc(componentStatusEvents.createdAt)),
  ]);
  for (const row of before)
    result.get(row.component_id)!.push({ at: new Date(row.at), toStatus: row.to_status });
  for (const { componentId, ...change } of during) result.get(componentId)!.push(change);
  return result;
}
