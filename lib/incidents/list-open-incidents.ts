import { desc, ne } from "drizzle-orm";
import type { Db } from "../db/client";
import { incidents } from "../db/schema";

/** Unresolved incidents, most recent first. */
export async function listOpenIncidents(db: Db) {
  return db
    .select()
    .from(incidents)
    .where(ne(incidents.state, "resolved"))
    .orderBy(desc(incidents.startedAt));
}
