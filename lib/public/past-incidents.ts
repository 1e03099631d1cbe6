import { desc, gte } from "drizzle-orm";
import type { Db } from "../db/client";
import { incidents } from "../db/schema";
import { addDays, dayKeyOf, dayRange, startOfDayKey, type DayKey } from "../time/days";
import { hydrateIncidents, type PublicIncident } from "./hydrate-incidents";
import { publicCached } from "./public-cache";

export type PastIncidentDay = { day: DayKey; incidents: PublicIncident[] };

/**
 * The status page's "Past incidents": the last `days` days in the page's time
 * zone, today first, each with the incidents that began that day (newest
 * first) or none, so a quiet day reads "No incidents reported" and a resolved
 * incident does not just vanish from the front page. Cached per calendar day:
 * the key rolls over at midnight in the page's zone.
 */
export async function loadPastIncidents(
  getDb: () => Promise<Db>,
  { days, timeZone, now = new Date() }: { days: number; timeZone: string; now?: Date },
): Promise<{ value: PastIncidentDay[]; stale: boolean }> {
  if (days <= 0) return { value: [], stale: false };
  const today = dayKeyOf(now, timeZone);
  const first = addDays(today, -(days - 1));
  const cached = await publicCached(`past-incidents:${today}:${days}:${timeZone}`, async () => {
    const db = await getDb();
    const rows = await db
      .select()
      .from(incidents)
      .where(gte(incidents.startedAt, startOfDayKey(first, timeZone)))
      .orderBy(desc(incidents.startedAt));
    return hydrateIncidents(db, rows);
  });
  // Map.groupBy is Node 21+; Herald runs on Node 20.
  const byDay = new Map<DayKey, PublicIncident[]>();
  for (const incident of cached.value) {
    const day = dayKeyOf(incident.startedAt, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), incident]);
  }
  const value = dayRange(first, today)
    .reverse()
    .map((day) => ({ day, incidents: byDay.get(day) ?? [] }));
  return { value, stale: cached.stale };
}
