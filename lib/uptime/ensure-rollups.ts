import { and, asc, desc, eq, gte, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { components, componentStatusEvents, componentUptimeDaily } from "../db/schema";
import { addDays, dayKeyOf, dayRange, startOfDayKey, type DayKey } from "../time/days";
import { computeDailyMinutes, type StatusChange } from "./compute-daily-uptime";

/**
 * Makes sure every component has a rollup row for each whole day from `from`
 * to `to` or yesterday, whichever is earlier (in `timeZone`): a page showing a
 * past window computes that window, not everything since. Rows are dropped and recomputed when:
 * - the page's time zone changed, or
 * - a status event was recorded after the rows were computed for a day they
 *   cover (backfilled incident, history correction).
 * Safe to run concurrently: rows are upserted.
 */
export async function ensureUptimeRollups(
  db: Db,
  { timeZone, from, to, now }: { timeZone: string; from: DayKey; to?: DayKey; now: Date },
) {
  const yesterday = addDays(dayKeyOf(now, timeZone), -1);
  const lastDay = to && to < yesterday ? to : yesterday;
  if (from > lastDay) return;
  await db.delete(componentUptimeDaily).where(ne(componentUptimeDaily.timeZone, timeZone));
  await dropRollupsInvalidatedByLateEvents(db);

  const [comps, have] = await Promise.all([
    db.select({ id: components.id }).from(components),
    db
      .select({ componentId: componentUptimeDaily.componentId, n: sql<number>`count(*)::int` })
      .from(componentUptimeDaily)
      .where(
        and(gte(componentUptimeDaily.day, from), sql`${componentUptimeDaily.day} <= ${lastDay}`),
      )
      .groupBy(componentUptimeDaily.componentId),
  ]);
  const wanted = dayRange(from, lastDay);
  for (const { id } of comps) {
    if (have.find((h) => h.componentId === id)?.n === wanted.length) continue;
    const changes = await statusChangesFor(
      db,
      id,
      startOfDayKey(from, timeZone),
      startOfDayKey(addDays(lastDay, 1), timeZone),
    );
    const rows = computeDailyMinutes({ changes, days: wanted, timeZone, now }).map((d) => ({
      componentId: id,
      timeZone,
      ...d,
    }));
    await db
      .insert(componentUptimeDaily)
      .values(rows)
      .onConflictDoUpdate({
        target: [componentUptimeDaily.componentId, componentUptimeDaily.day],
        set: {
          observedMinutes: sql`excluded.observed_minutes`,
          majorMinutes: sql`excluded.major_minutes`,
          partialMinutes: sql`excluded.partial_minutes`,
          downtimeMinutes: sql`excluded.downtime_minutes`,
          timeZone: sql`excluded.time_zone`,
          computedAt: sql`now()`,
        },
      });
  }
}

/** Status changes in [start, end), preceded by the last change before `start` (the status in force then). */
export async function statusChangesFor(
  db: Db,
  componentId: string,
  start: Date,
  end: Date,
): Promise<StatusChange[]> {
  const columns = { at: componentStatusEvents.at, toStatus: componentStatusEvents.toStatus };
  const [before, during] = await Promise.all([
    db
      .select(columns)
      .from(componentStatusEvents)
      .where(
        and(
          eq(componentStatusEvents.componentId, componentId),
          lt(componentStatusEvents.at, start),
        ),
      )
      .orderBy(desc(componentStatusEvents.at))
      .limit(1),
    db
      .select(columns)
      .from(componentStatusEvents)
      .where(
        and(
          eq(componentStatusEvents.componentId, componentId),
          gte(componentStatusEvents.at, start),
          lt(componentStatusEvents.at, end),
        ),
      )
      .orderBy(asc(componentStatusEvents.at), asc(componentStatusEvents.createdAt)),
  ]);
  return [...before, ...during];
}

/**
 * A rollup row is stale when an event of its component was recorded after the
 * row was computed and took effect before the row's day ended (an event before
 * the day changes the status carried into it).
 */
async function dropRollupsInvalidatedByLateEvents(db: Db) {
  await db.execute(sql`
    delete from component_uptime_daily r
    using component_status_events e
    where e.component_id = r.component_id
      and e.created_at > r.computed_at
      and e.at < ((r.day + 1)::timestamp at time zone r.time_zone)`);
}
