import { eq, inArray } from "drizzle-orm";
import type { Actor } from "../context";
import { actorUserId } from "../context";
import type { Db } from "../db/client";
import { components, componentStatusEvents, type ComponentStatus } from "../db/schema";
import { STATUS_CAUSES } from "../db/schema/enums";
import { HeraldError } from "../errors";
import { enqueueComponentStatusWebhooks } from "../notifications/enqueue-component-status";

export type StatusChangeRequest = { componentId: string; status: ComponentStatus };
export type AppliedStatusChange = {
  componentId: string;
  name: string;
  oldStatus: ComponentStatus;
  newStatus: ComponentStatus;
};

type Cause = {
  cause: (typeof STATUS_CAUSES)[number];
  incidentId?: string;
  maintenanceId?: string;
  integrationId?: string;
};

/**
 * Sets component statuses inside the caller's transaction and writes one status
 * event per actual change (uptime is derived from these events) and the webhook
 * notifications for them. Requests that
 * do not change anything are skipped; unknown components are refused.
 */
export async function changeComponentStatuses(
  tx: Db,
  actor: Actor,
  requests: readonly StatusChangeRequest[],
  options: Cause & { at: Date },
): Promise<AppliedStatusChange[]> {
  if (requests.length === 0) return [];
  const ids = requests.map((r) => r.componentId);
  const current = await tx
    .select({ id: components.id, name: components.name, status: components.status })
    .from(components)
    .where(inArray(components.id, ids))
    .for("update");
  const byId = new Map(current.map((c) => [c.id, c]));
  const applied: AppliedStatusChange[] = [];
  for (const request of requests) {
    const component = byId.get(request.componentId);
    if (!component)
      throw new HeraldError(
        "invalid",
        "A chosen component no longer exists. Reload and try again.",
        { components: "Unknown component." },
      );
    if (component.status === request.status) continue;
    await tx
      .update(components)
      .set({ status: request.status })
      .where(eq(components.id, component.id));
    await tx.insert(componentStatusEvents).values({
      componentId: component.id,
      fromStatus: component.status,
      toStatus: request.status,
      at: options.at,
      cause: options.cause,
      incidentId: options.incidentId ?? null,
      maintenanceId: options.maintenanceId ?? null,
      integrationId: options.integrationId ?? null,
      actorId: actorUserId(actor),
    });
    applied.push({
      componentId: component.id,
      name: component.name,
      oldStatus: component.status,
      newStatus: request.status,
    });
    component.status = request.status;
  }
  await enqueueComponentStatusWebhooks(tx, { changes: applied, at: options.at });
  return applied;
}
