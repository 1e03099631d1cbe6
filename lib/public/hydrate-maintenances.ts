import { desc, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  components,
  maintenanceComponents,
  maintenanceUpdates,
  type Maintenance,
  type MaintenanceUpdate,
} from "../db/schema";

export type PublicMaintenance = Maintenance & {
  /** Newest first. */
  updates: MaintenanceUpdate[];
  components: { componentId: string; name: string }[];
};

export async function hydrateMaintenances(
  db: Db,
  rows: Maintenance[],
): Promise<PublicMaintenance[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [updates, affected, names] = await Promise.all([
    db
      .select()
      .from(maintenanceUpdates)
      .where(inArray(maintenanceUpdates.maintenanceId, ids))
      .orderBy(desc(maintenanceUpdates.displayAt)),
    db
      .select()
      .from(maintenanceComponents)
      .where(inArray(maintenanceComponents.maintenanceId, ids)),
    db.select({ id: components.id, name: components.name }).from(components),
  ]);
  const nameOf = new Map(names.map((c) => [c.id, c.name]));
  return rows.map((m) => ({
    ...m,
    updates: updates.filter((u) => u.maintenanceId === m.id),
    components: affected
      .filter((a) => a.maintenanceId === m.id)
      .map((a) => ({
        componentId: a.componentId,
        name: nameOf.get(a.componentId) ?? "Removed component",
      })),
  }));
}
