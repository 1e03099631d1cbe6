import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { maintenanceComponents, maintenances, type MaintenanceState } from "../db/schema";
import { notFound } from "../errors";
import type { MaintenanceEvent } from "./event-types";
import { componentsAsOf } from "./components-as-of";
import { enqueueForSubscribers, MESSAGE_CHANNELS } from "./fan-out";

const EVENT_BY_STATE: Record<MaintenanceState, MaintenanceEvent> = {
  scheduled: "maintenance.scheduled",
  in_progress: "maintenance.started",
  verifying: "maintenance.updated",
  completed: "maintenance.completed",
  cancelled: "maintenance.cancelled",
};

/**
 * Call inside the transaction that schedules a maintenance window (state
 * "scheduled", no updateId) or moves it to a new state (with the maintenance
 * update just written). The worker's tick reaches this through the same
 * transition for auto start and complete. Subscribers following an affected
 * component, and webhooks, are told; a window with notify off tells nobody.
 */
export async function enqueueMaintenanceNotifications(
  tx: Db,
  {
    maintenanceId,
    state,
    updateId,
  }: { maintenanceId: string; state: MaintenanceState; updateId?: string },
): Promise<void> {
  const [maintenance] = await tx
    .select()
    .from(maintenances)
    .where(eq(maintenances.id, maintenanceId));
  if (!maintenance) throw notFound("Maintenance");
  if (!maintenance.notify) return;
  const affected = await tx
    .select({ id: maintenanceComponents.componentId })
    .from(maintenanceComponents)
    .where(eq(maintenanceComponents.maintenanceId, maintenanceId));
  const eventType = EVENT_BY_STATE[state];
  const subjectId = updateId ?? maintenanceId;
  const componentIds = affected.map((a) => a.id);
  await enqueueForSubscribers(
    tx,
    {
      subjectId,
      key: `${eventType}:${subjectId}`,
      payload: { eventType, maintenanceId, components: await componentsAsOf(tx, componentIds) },
    },
    { componentIds, channels: MESSAGE_CHANNELS },
  );
}
