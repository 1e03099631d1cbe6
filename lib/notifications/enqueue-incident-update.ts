import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { incidentComponents, incidentUpdateComponents, incidentUpdates } from "../db/schema";
import { notFound } from "../errors";
import type { IncidentEvent } from "./event-types";
import { componentsAsOf } from "./components-as-of";
import { enqueueForStakeholders, enqueueForSubscribers, MESSAGE_CHANNELS } from "./fan-out";

/**
 * Call inside the publish transaction, right after the update is written: queues
 * one message per subscriber (email and webhook) following any affected
 * component, and one internal email per stakeholder. Nothing is sent here; the
 * worker expands and delivers after commit. Calling it twice for the same update
 * adds nothing.
 * An update published with notify off reaches nobody.
 */
export async function enqueueIncidentUpdateNotifications(
  tx: Db,
  { incidentId, updateId }: { incidentId: string; updateId: string },
): Promise<void> {
  const [update] = await tx
    .select()
    .from(incidentUpdates)
    .where(and(eq(incidentUpdates.id, updateId), eq(incidentUpdates.incidentId, incidentId)));
  if (!update) throw notFound("Incident update");
  if (!update.notify) return;
  const history = await tx
    .select({ id: incidentUpdates.id, state: incidentUpdates.state })
    .from(incidentUpdates)
    .where(eq(incidentUpdates.incidentId, incidentId))
    .orderBy(asc(incidentUpdates.createdAt), asc(incidentUpdates.id));
  const first = history[0];
  const previous = history[history.findIndex((u) => u.id === updateId) - 1];
  const eventType: IncidentEvent =
    update.state === "resolved"
      ? "incident.resolved"
      : first?.id === updateId
        ? "incident.created"
        : "incident.updated";
  // Subscribers of a component hear about it if the incident affects it or this update changed it.
  const [affected, changed] = await Promise.all([
    tx
      .select({ id: incidentComponents.componentId })
      .from(incidentComponents)
      .where(eq(incidentComponents.incidentId, incidentId)),
    tx
      .select({ id: incidentUpdateComponents.componentId })
      .from(incidentUpdateComponents)
      .where(eq(incidentUpdateComponents.updateId, updateId)),
  ]);
  const componentIds = [...new Set([...affected, ...changed].map((c) => c.id))];
  const fanOut = {
    subjectId: updateId,
    key: `incident-update:${updateId}`,
    payload: { eventType, incidentId, components: await componentsAsOf(tx, componentIds) },
    // Same state as the update before: SMS subscribers who chose "state changes" skip it.
    routine: eventType === "incident.updated" && previous?.state === update.state,
  };
  await enqueueForSubscribers(tx, fanOut, { componentIds, channels: MESSAGE_CHANNELS });
  await enqueueForStakeholders(tx, fanOut);
}
