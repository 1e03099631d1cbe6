import { desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { components, maintenanceComponents, maintenances, type Maintenance } from "../db/schema";
import { requireRole } from "../auth/authorize";
import { listActiveAndUpcomingMaintenance } from "./list-upcoming-maintenance";

export type ConsoleMaintenance = Maintenance & { componentNames: string[] };

/** The console's maintenance list: upcoming and ongoing windows, then the latest finished ones. */
export async function listMaintenance({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  const [active, finished] = await Promise.all([
    listActiveAndUpcomingMaintenance(ctx.db),
    ctx.db
      .select()
      .from(maintenances)
      .where(inArray(maintenances.state, ["completed", "cancelled"]))
      .orderBy(desc(maintenances.scheduledFor))
      .limit(20),
  ]);
  const ids = [...active, ...finished].map((m) => m.id);
  const links = ids.length
    ? await ctx.db
        .select({ maintenanceId: maintenanceComponents.maintenanceId, name: components.name })
        .from(maintenanceComponents)
        .innerJoin(components, eq(components.id, maintenanceComponents.componentId))
        .where(inArray(maintenanceComponents.maintenanceId, ids))
    : [];
  const withNames = (rows: Maintenance[]): ConsoleMaintenance[] =>
    rows.map((m) => ({
      ...m,
      componentNames: links.filter((l) => l.maintenanceId === m.id).map((l) => l.name),
    }));
  return { active: withNames(active), finished: withNames(finished) };
}
