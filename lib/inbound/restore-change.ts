import { and, desc, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { IntegrationActor } from "./integration-actor";
import type { Db } from "../db/client";
import {
  componentStatusEvents,
  inboundAlerts,
  type AutomaticChange,
  type InboundAlert,
} from "../db/schema";
import { changeComponentStatuses } from "../components/change-component-status";
import { recordAudit } from "../audit/record-audit";

/**
 * Puts a component back the way an alert found it, unless anyone changed it
 * since (the latest event is not this integration's change): a person's
 * decision always wins. Another firing alert on the same component takes the
 * change over, so the last one to resolve restores it.
 */
export async function restoreChange(
  tx: Db,
  actor: IntegrationActor,
  alert: InboundAlert,
  change: AutomaticChange,
  now: Date,
): Promise<string> {
  const [other] = await tx
    .select({ id: inboundAlerts.id, changes: inboundAlerts.changes, title: inboundAlerts.title })
    .from(inboundAlerts)
    .where(
      and(
        eq(inboundAlerts.integrationId, alert.integrationId),
        ne(inboundAlerts.id, alert.id),
        eq(inboundAlerts.status, "firing"),
        isNotNull(inboundAlerts.appliedAt),
        sql`${inboundAlerts.componentIds} @> ${JSON.stringify([change.componentId])}::jsonb`,
      ),
    )
    .limit(1);
  if (other) {
    await tx
      .update(inboundAlerts)
      .set({ changes: [...other.changes, change] })
      .where(eq(inboundAlerts.id, other.id));
    return `left as is while “${other.title}” still fires`;
  }
  const [latest] = await tx
    .select()
    .from(componentStatusEvents)
    .where(eq(componentStatusEvents.componentId, change.componentId))
    .orderBy(desc(componentStatusEvents.at), desc(componentStatusEvents.createdAt))
    .limit(1);
  const stillOurs =
    latest?.cause === "integration" &&
    latest.integrationId === alert.integrationId &&
    latest.toStatus === change.to;
  if (!stillOurs) return "left as is: changed by someone since";
  const [applied] = await changeComponentStatuses(
    tx,
    actor,
    [{ componentId: change.componentId, status: change.from }],
    { cause: "integration", integrationId: alert.integrationId, at: now },
  );
  if (!applied) return "already restored";
  await recordAudit(tx, actor, {
    action: "component.status",
    targetType: "component",
    targetId: applied.componentId,
    before: { status: applied.oldStatus },
    after: { status: applied.newStatus, alert: alert.title, cause: "resolved" },
  });
  return `${applied.name} restored to ${applied.newStatus}`;
}
