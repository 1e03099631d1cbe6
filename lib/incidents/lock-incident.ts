import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { incidents, incidentUpdates, type Incident } from "../db/schema";
import { HeraldError, notFound } from "../errors";

/**
 * Loads an incident for a write, locking its row so concurrent publishes run one
 * after the other, and refuses a form that was showing an older latest update:
 * two comms leads must not overwrite each other's news unknowingly.
 */
export async function lockIncidentForUpdate(
  tx: Db,
  incidentId: string,
  expectedLatestUpdateId: string | undefined,
): Promise<Incident> {
  const [incident] = await tx
    .select()
    .from(incidents)
    .where(eq(incidents.id, incidentId))
    .for("update");
  if (!incident) throw notFound("Incident");
  if (expectedLatestUpdateId) {
    const [latest] = await tx
      .select({ id: incidentUpdates.id })
      .from(incidentUpdates)
      .where(eq(incidentUpdates.incidentId, incidentId))
      .orderBy(desc(incidentUpdates.createdAt), desc(incidentUpdates.displayAt))
      .limit(1);
    if (latest && latest.id !== expectedLatestUpdateId) {
      throw new HeraldError(
        "conflict",
        "Another update was published while you were writing. Your draft is kept; read that update, then publish again if yours is still needed.",
      );
    }
  }
  return incident;
}
