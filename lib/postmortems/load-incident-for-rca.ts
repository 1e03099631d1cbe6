import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { incidents, postmortems } from "../db/schema";
import { HeraldError, notFound } from "../errors";

/** The incident an RCA is about, which must be resolved, with its postmortem if one exists. */
export async function loadIncidentForRca(db: Db, incidentId: string) {
  const [incident] = await db.select().from(incidents).where(eq(incidents.id, incidentId));
  if (!incident) throw notFound("Incident");
  if (incident.state !== "resolved") {
    throw new HeraldError(
      "conflict",
      "A postmortem can only be written once the incident is resolved.",
    );
  }
  const [postmortem] = await db
    .select()
    .from(postmortems)
    .where(eq(postmortems.incidentId, incidentId));
  return { incident, postmortem: postmortem ?? null };
}
