import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import {
  components,
  incidentChanges,
  incidentComponents,
  incidents,
  incidentUpdateComponents,
  incidentUpdateRevisions,
  incidentUpdates,
  users,
} from "../db/schema";
import { notFound } from "../errors";
import { isPublicId } from "../ids";
import { requireRole } from "../auth/authorize";

/**
 * The console's view of one incident: every update newest first with its
 * internal fields, component changes and earlier revisions, and the affected
 * components with their current status (what the composer starts from).
 */
export async function getIncident({ ctx, input }: { ctx: Ctx; input: { incidentId: string } }) {
  requireRole(ctx.actor, "viewer");
  if (!isPublicId(input.incidentId)) throw notFound("Incident");
  const [incident] = await ctx.db
    .select()
    .from(incidents)
    .where(eq(incidents.id, input.incidentId));
  if (!incident) throw notFound("Incident");
  const [updates, affected, lead, changesOutsideUpdates] = await Promise.all([
    ctx.db
      .select()
      .from(incidentUpdates)
      .where(eq(incidentUpdates.incidentId, incident.id))
      .orderBy(desc(incidentUpdates.displayAt), desc(incidentUpdates.createdAt)),
    ctx.db
      .select({
        componentId: components.id,
        name: components.name,
        currentStatus: components.status,
        worstStatus: incidentComponents.status,
      })
      .from(incidentComponents)
      .innerJoin(components, eq(components.id, incidentComponents.componentId))
      .where(eq(incidentComponents.incidentId, incident.id))
      .orderBy(asc(components.position), asc(components.name)),
    incident.commsLeadId
      ? ctx.db
          .select({ email: users.email, name: users.name })
          .from(users)
          .where(eq(users.id, incident.commsLeadId))
      : [],
    ctx.db
      .select()
      .from(incidentChanges)
      .where(eq(incidentChanges.incidentId, incident.id))
      .orderBy(desc(incidentChanges.createdAt)),
  ]);
  const updateIds = updates.map((u) => u.id);
  const [changes, revisions] = updateIds.length
    ? await Promise.all([
        ctx.db
          .select({
            updateId: incidentUpdateComponents.updateId,
            name: components.name,
            oldStatus: incidentUpdateComponents.oldStatus,
            newStatus: incidentUpdateComponents.newStatus,
          })
          .from(incidentUpdateComponents)
          .innerJoin(components, eq(components.id, incidentUpdateComponents.componentId))
          .where(inArray(incidentUpdateComponents.updateId, updateIds)),
        ctx.db
          .select()
          .from(incidentUpdateRevisions)
          .where(inArray(incidentUpdateRevisions.updateId, updateIds))
          .orderBy(desc(incidentUpdateRevisions.replacedAt)),
      ])
    : [[], []];
  // The newest *published* update is what a stale form is checked against (see lockIncidentForUpdate).
  const latestPublished = updates.reduce<(typeof updates)[number] | undefined>(
    (a, u) => (!a || u.createdAt > a.createdAt ? u : a),
    undefined,
  );
  return {
    incident,
    commsLead: lead[0] ?? null,
    affected,
    latestUpdateId: latestPublished?.id ?? "",
    /** Corrections and handoffs, newest first (the timeline interleaves them with updates). */
    changes: changesOutsideUpdates,
    updates: updates.map((u) => ({
      ...u,
      componentChanges: changes.filter((c) => c.updateId === u.id),
      revisions: revisions.filter((r) => r.updateId === u.id),
    })),
  };
}
export type ConsoleIncident = Awaited<ReturnType<typeof getIncident>>;
