import { desc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import {
  components,
  componentStatusEvents,
  incidents,
  integrations,
  maintenances,
  users,
} from "../db/schema";
import { requireRole } from "../auth/authorize";

/** How many changes the console's components page lists. */
export const STATUS_HISTORY_LENGTH = 30;

/**
 * The latest component status changes, each with its cause in words: the
 * incident, maintenance or integration that made it, or the person who did.
 */
export async function listStatusHistory({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  const rows = await ctx.db
    .select({
      id: componentStatusEvents.id,
      component: components.name,
      from: componentStatusEvents.fromStatus,
      to: componentStatusEvents.toStatus,
      at: componentStatusEvents.at,
      cause: componentStatusEvents.cause,
      incident: incidents.title,
      maintenance: maintenances.title,
      integration: integrations.name,
      person: users.email,
    })
    .from(componentStatusEvents)
    .innerJoin(components, eq(components.id, componentStatusEvents.componentId))
    .leftJoin(incidents, eq(incidents.id, componentStatusEvents.incidentId))
    .leftJoin(maintenances, eq(maintenances.id, componentStatusEvents.maintenanceId))
    .leftJoin(integrations, eq(integrations.id, componentStatusEvents.integrationId))
    .leftJoin(users, eq(users.id, componentStatusEvents.actorId))
    .orderBy(desc(componentStatusEvents.at), desc(componentStatusEvents.createdAt))
    .limit(STATUS_HISTORY_LENGTH);
  return rows.map((row) => ({ ...row, causeText: causeText(row) }));
}

function causeText(row: {
  cause: string;
  incident: string | null;
  maintenance: string | null;
  integration: string | null;
  person: string | null;
}) {
  switch (row.cause) {
    case "incident":
      return `incident “${row.incident ?? "deleted"}”`;
    case "maintenance":
      return `maintenance “${row.maintenance ?? "deleted"}”`;
    case "integration":
      return `alert from integration “${row.integration ?? "deleted"}”`;
    case "manual":
      return `set by ${row.person ?? "a former member"}`;
    default:
      return row.cause;
  }
}
