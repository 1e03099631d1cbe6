import type { Actor } from "../context";
import { actorUserId } from "../context";
import type { Db } from "../db/client";
import { maintenanceComponents, maintenances, maintenanceUpdates } from "../db/schema";
import { recordAudit } from "../audit/record-audit";
import { enqueueMaintenanceNotifications } from "../notifications/enqueue-maintenance";

type WindowValues = Omit<typeof maintenances.$inferInsert, "createdBy" | "state">;

/**
 * Writes a scheduled window, its components, its first public update, its
 * announcement to subscribers and the audit entry: what a person scheduling a
 * window and the worker scheduling a recurring window's next occurrence both
 * do. Null when this occurrence of the series already exists (another worker
 * wrote it).
 */
export async function insertMaintenanceWindow(
  tx: Db,
  actor: Actor,
  values: WindowValues,
  componentIds: string[],
) {
  const [row] = await tx
    .insert(maintenances)
    .values({ ...values, createdBy: actorUserId(actor) })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await tx
    .insert(maintenanceComponents)
    .values(componentIds.map((componentId) => ({ maintenanceId: row.id, componentId })));
  await tx.insert(maintenanceUpdates).values({
    maintenanceId: row.id,
    state: "scheduled",
    body: row.body,
    notify: row.notify,
    authorId: actorUserId(actor),
  });
  await enqueueMaintenanceNotifications(tx, { maintenanceId: row.id, state: "scheduled" });
  await recordAudit(tx, actor, {
    action: "maintenance.schedule",
    targetType: "maintenance",
    targetId: row.id,
    after: { ...row, components: componentIds },
  });
  return row;
}
