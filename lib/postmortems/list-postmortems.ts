import { desc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { incidents, postmortems } from "../db/schema";
import { requireRole } from "../auth/authorize";

/** Resolved incidents with their RCA state and promised date, most recent first (the console's RCA list). */
export async function listPostmortems({ ctx, limit = 100 }: { ctx: Ctx; limit?: number }) {
  requireRole(ctx.actor, "viewer");
  const rows = await ctx.db
    .select({
      incidentId: incidents.id,
      title: incidents.title,
      severity: incidents.severity,
      resolvedAt: incidents.resolvedAt,
      rcaDueOn: incidents.rcaDueOn,
      state: postmortems.state,
      publishedRevision: postmortems.publishedRevision,
      lastPublishedAt: postmortems.lastPublishedAt,
    })
    .from(incidents)
    .leftJoin(postmortems, eq(postmortems.incidentId, incidents.id))
    .where(eq(incidents.state, "resolved"))
    .orderBy(desc(incidents.resolvedAt))
    .limit(limit);
  return rows.map((r) => ({
    ...r,
    rcaState: r.publishedRevision
      ? ("published" as const)
      : r.state
        ? ("draft" as const)
        : ("none" as const),
  }));
}

/** Promised RCAs not yet published, soonest first: for the dashboard and reminders. */
export async function listRcasDue({ ctx }: { ctx: Ctx }) {
  return (await listPostmortems({ ctx, limit: 500 }))
    .filter((r) => r.rcaDueOn && r.rcaState !== "published")
    .sort((a, b) => a.rcaDueOn!.localeCompare(b.rcaDueOn!));
}
