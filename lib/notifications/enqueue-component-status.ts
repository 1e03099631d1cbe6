import type { Db } from "../db/client";
import type { ComponentStatus } from "../db/schema";
import { enqueueForSubscribers } from "./fan-out";

export type ComponentStatusChange = {
  componentId: string;
  oldStatus: ComponentStatus;
  newStatus: ComponentStatus;
};

/**
 * Webhooks only (as Statuspage does: email subscribers hear about incidents, not
 * every status flip). Call inside the transaction that changed the statuses.
 */
export async function enqueueComponentStatusWebhooks(
  tx: Db,
  { changes, at }: { changes: readonly ComponentStatusChange[]; at: Date },
): Promise<void> {
  for (const change of changes) {
    const key = `component.status:${change.componentId}:${at.getTime()}:${change.newStatus}`;
    await enqueueForSubscribers(
      tx,
      {
        subjectId: change.componentId,
        key,
        payload: { eventType: "component.status", ...change, at: at.toISOString() },
      },
      { componentIds: [change.componentId], channels: ["webhook"] },
    );
  }
}
