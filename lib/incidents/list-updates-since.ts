import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { incidents, incidentUpdates, users } from "../db/schema";
import { requireRole } from "../auth/authorize";
import { notFound } from "../errors";

/**
 * What another lead published after the update a composer was based on, oldest
 * first, with the incident as it is now: a rejected (stale) publish shows these
 * inline so the writer can read them and publish again with one more click.
 */
export async function listUpdatesSince({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { incidentId: string; afterUpdateId: string };
}) {
  requireRole(ctx.actor, "viewer");
  const [incident] = await ctx.db
    .select()
    .from(incidents)
    .where(eq(incidents.id, input.incidentId));
  if (!incident) throw notFound("Incident");
  // Compared in SQL: PostgreSQL keeps microseconds that a JavaScript Date would round away.
  const baseCreatedAt = ctx.db
    .select({ createdAt: incidentUpdates.createdAt })
    .from(incidentUpdates)
    .where(
      and(eq(incidentUpdates.id, input.afterUpdateId), eq(incidentUpdates.incidentId, incident.id)),
    );
  const updates = await ctx.db
    .select({
      id: incidentUpdates.id,
      state: incidentUpdates.state,
      body: incidentUpdates.body,
      displayAt: incidentUpdates.displayAt,
      nextUpdateBy: incidentUpdates.nextUpdateBy,
      author: users.email,
    })
    .from(incidentUpdates)
    .leftJoin(users, eq(users.id, incidentUpdates.authorId))
    .where(
      and(
        eq(incidentUpdates.incidentId, incident.id),
        gt(incidentUpdates.createdAt, sql`(${baseCreatedAt})`),
      ),
    )
    .orderBy(asc(incidentUpdates.createdAt));
  return { incident, updates };
}
export type UpdatesSince = Awaited<ReturnType<typeof listUpdatesSince>>;
