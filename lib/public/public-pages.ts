import { and, desc, eq, gte, lt, min } from "drizzle-orm";
import type { Db } from "../db/client";
import { incidentChanges, incidents, maintenances, postmortems } from "../db/schema";
import { addDays, dayKeyOf, startOfDayKey } from "../time/days";
import { hydrateIncidents } from "./hydrate-incidents";
import { hydrateMaintenances } from "./hydrate-maintenances";
import { publicCached } from "./public-cache";

const ID = /^[0-9a-z]{12}$/;
/** Unknown ids are not cached: anyone can ask for endless well-formed ones. */
const found = (value: unknown) => value !== null;

/** One incident with its timeline; null for an unknown (or malformed) id. */
export function loadIncidentPage(getDb: () => Promise<Db>, id: string | null) {
  if (!id || !ID.test(id)) return Promise.resolve({ value: null, stale: false });
  return publicCached(
    `incident:${id}`,
    async () => {
      const db = await getDb();
      const rows = await db.select().from(incidents).where(eq(incidents.id, id));
      const [incident] = await hydrateIncidents(db, rows);
      if (!incident) return null;
      const [[postmortem], corrections] = await Promise.all([
        db
          .select({ state: postmortems.state })
          .from(postmortems)
          .where(eq(postmortems.incidentId, id)),
        db
          .select({ at: incidentChanges.createdAt, changes: incidentChanges.changes })
          .from(incidentChanges)
          .where(and(eq(incidentChanges.incidentId, id), eq(incidentChanges.kind, "details")))
          .orderBy(desc(incidentChanges.createdAt)),
      ]);
      return {
        ...incident,
        /** Earlier titles, newest first: a renamed incident stays recognisable. Nothing else corrected is public. */
        formerTitles: corrections.flatMap(({ at, changes }) =>
          changes.filter((c) => c.field === "title").map((c) => ({ title: c.from ?? "", at })),
        ),
        hasPublishedPostmortem:
          postmortem?.state === "published" || incident.postmortemPublishedAt !== null,
      };
    },
    { keep: found },
  );
}

export function loadMaintenancePage(getDb: () => Promise<Db>, id: string | null) {
  if (!id || !ID.test(id)) return Promise.resolve({ value: null, stale: false });
  return publicCached(
    `maintenance:${id}`,
    async () => {
      const db = await getDb();
      const [m] = await hydrateMaintenances(
        db,
        await db.select().from(maintenances).where(eq(maintenances.id, id)),
      );
      return m ?? null;
    },
    { keep: found },
  );
}

/** "YYYY-MM" → the month's incidents and maintenance (page time zone), newest first, plus the first month with any. */
export function loadHistoryMonth(getDb: () => Promise<Db>, month: string, timeZone: string) {
  return publicCached(`history:${month}:${timeZone}`, async () => {
    const db = await getDb();
    const start = startOfDayKey(`${month}-01`, timeZone);
    const end = startOfDayKey(nextMonth(month) + "-01", timeZone);
    const [incidentRows, maintenanceRows, [first]] = await Promise.all([
      db
        .select()
        .from(incidents)
        .where(and(gte(incidents.startedAt, start), lt(incidents.startedAt, end)))
        .orderBy(desc(incidents.startedAt)),
      db
        .select()
        .from(maintenances)
        .where(and(gte(maintenances.scheduledFor, start), lt(maintenances.scheduledFor, end)))
        .orderBy(desc(maintenances.scheduledFor)),
      db.select({ at: min(incidents.startedAt) }).from(incidents),
    ]);
    return {
      incidents: await hydrateIncidents(db, incidentRows),
      maintenances: (await hydrateMaintenances(db, maintenanceRows)).filter(
        (m) => m.state !== "cancelled",
      ),
      firstMonth: first?.at ? dayKeyOf(first.at, timeZone).slice(0, 7) : month,
    };
  });
}

export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** The last day of a month as a day key. */
export const lastDayOfMonth = (month: string) => addDays(`${nextMonth(month)}-01`, -1);
