import { and, desc, isNull } from "drizzle-orm";
import type { Ctx } from "../../context";
import { incidentDrafts } from "../../db/schema";
import { requireRole } from "../../auth/authorize";

/** Drafts waiting for the comms lead: not published, not discarded. Console and management API only. */
export async function listDrafts({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  return ctx.db
    .select()
    .from(incidentDrafts)
    .where(and(isNull(incidentDrafts.publishedIncidentId), isNull(incidentDrafts.dismissedAt)))
    .orderBy(desc(incidentDrafts.createdAt));
}
