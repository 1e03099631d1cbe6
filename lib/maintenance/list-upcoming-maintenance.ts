import { asc, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { maintenances } from "../db/schema";

/** Scheduled and ongoing maintenance windows, soonest first. */
export async function listActiveAndUpcomingMaintenance(db: Db) {
  return db
    .select()
    .from(maintenances)
    .where(inArray(maintenances.state, ["scheduled", "in_progress", "verifying"]))
    .orderBy(asc(maintenances.scheduledFor));
}
