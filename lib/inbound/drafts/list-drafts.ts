import { and, desc, eq, isNull } from "drizzle-orm";
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

/** The draft an incident was published from, if any (its alerts' resolution suggests "monitoring"). */
export async function draftOfIncident({ ctx, incidentId }: { ctx: Ctx; incidentId: string }) {
  requireRole(ctx.actor, "viewer");
  const [draft] = await ctx.db
    .select()
    .from(incidentDrafts)
    .where(eq(incidentDrafts.publishedIncidentId, incidentId));
  return draft ?? null;
}
