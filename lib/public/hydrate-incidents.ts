import { asc, desc, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  components,
  incidentComponents,
  incidentUpdateComponents,
  incidentUpdates,
  postmortems,
  type ComponentStatus,
  type Incident,
  type IncidentUpdate,
} from "../db/schema";

export type ComponentChange = {
  componentId: string;
  name: string;
  oldStatus: ComponentStatus;
  newStatus: ComponentStatus;
};
export type PublicIncidentUpdate = Omit<
  IncidentUpdate,
  "internalNote" | "businessImpact" | "eta" | "nextUpdateReason"
> & { componentChanges: ComponentChange[] };
export type PublicIncident = Incident & {
  /** Newest first, as status pages and the Statuspage API show them. */
  updates: PublicIncidentUpdate[];
  components: { componentId: string; name: string; status: ComponentStatus }[];
  postmortemPublishedAt: Date | null;
};

/**
 * Attaches updates (internal fields removed), affected components and
 * postmortem state to incidents, in a fixed number of queries whatever the count.
 */
export async function hydrateIncidents(db: Db, rows: Incident[]): Promise<PublicIncident[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [updates, affected, pms, names] = await Promise.all([
    db
      .select()
      .from(incidentUpdates)
      .where(inArray(incidentUpdates.incidentId, ids))
      .orderBy(desc(incidentUpdates.displayAt), desc(incidentUpdates.createdAt)),
    db.select().from(incidentComponents).where(inArray(incidentComponents.incidentId, ids)),
    db
      .select({ incidentId: postmortems.incidentId, at: postmortems.lastPublishedAt })
      .from(postmortems)
      .where(inArray(postmortems.incidentId, ids)),
    db
      .select({ id: components.id, name: components.name })
      .from(components)
      .orderBy(asc(components.position)),
  ]);
  const nameOf = new Map(names.map((c) => [c.id, c.name]));
  const changes = updates.length
    ? await db
        .select()
        .from(incidentUpdateComponents)
        .where(
          inArray(
            incidentUpdateComponents.updateId,
            updates.map((u) => u.id),
          ),
        )
    : [];
  return rows.map((incident) => ({
    ...incident,
    updates: updates
      .filter((u) => u.incidentId === incident.id)
      .map(({ internalNote: _n, businessImpact: _b, eta: _e, nextUpdateReason: _r, ...u }) => ({
        ...u,
        componentChanges: changes
          .filter((c) => c.updateId === u.id)
          .map((c) => ({
            componentId: c.componentId,
            name: nameOf.get(c.componentId) ?? "Removed component",
            oldStatus: c.oldStatus,
            newStatus: c.newStatus,
          })),
      })),
    components: affected
      .filter((a) => a.incidentId === incident.id)
      .map((a) => ({
        componentId: a.componentId,
        name: nameOf.get(a.componentId) ?? "Removed component",
        status: a.status,
      })),
    postmortemPublishedAt: pms.find((p) => p.incidentId === incident.id)?.at ?? null,
  }));
}
