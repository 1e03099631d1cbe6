import { and, eq, gt, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  componentStatusEvents,
  inboundAlerts,
  integrations,
  type AutomaticChange,
  type InboundAlert,
} from "../db/schema";
import { changeComponentStatuses } from "../components/change-component-status";
import { recordAudit } from "../audit/record-audit";
import { publishDraftIn } from "./drafts/publish-draft";
import { restoreChange } from "./restore-change";
import { integrationActor, type IntegrationActor } from "./integration-actor";

/** At most one automatic change per component this often, so a flapping alert cannot strobe the page. */
export const STATUS_CHANGE_SPACING_MS = 5 * 60_000;

/**
 * Carries out what firing alerts asked for once their hold-down has passed, and
 * restores what resolved alerts changed. Called on receipt (hold-down 0 acts at
 * once) and by the worker's tick; returns one line per thing done, for the event log.
 */
export async function applyDueAlerts(
  tx: Db,
  now: Date,
  onlyIntegrationId?: string,
): Promise<string[]> {
  const scope = onlyIntegrationId ? eq(inboundAlerts.integrationId, onlyIntegrationId) : undefined;
  const due = await tx
    .select({ alert: inboundAlerts, integration: integrations })
    .from(inboundAlerts)
    .innerJoin(integrations, eq(integrations.id, inboundAlerts.integrationId))
    .where(
      and(
        scope,
        eq(inboundAlerts.status, "firing"),
        isNull(inboundAlerts.appliedAt),
        lte(
          inboundAlerts.firstSeenAt,
          sql`${now.toISOString()}::timestamptz - make_interval(secs => ${integrations.holdDownSeconds})`,
        ),
      ),
    )
    .orderBy(inboundAlerts.firstSeenAt)
    // The tick and a request may look at once: each alert is carried out by whoever locks it first.
    .for("update", { of: inboundAlerts, skipLocked: true });
  const lines: string[] = [];
  for (const { alert, integration } of due)
    lines.push(...(await applyAlert(tx, integrationActor(integration), alert, now)));

  const resolved = await tx
    .select({ alert: inboundAlerts, integration: integrations })
    .from(inboundAlerts)
    .innerJoin(integrations, eq(integrations.id, inboundAlerts.integrationId))
    .where(
      and(
        scope,
        eq(inboundAlerts.status, "resolved"),
        isNotNull(inboundAlerts.appliedAt),
        isNull(inboundAlerts.restoredAt),
      ),
    )
    .for("update", { of: inboundAlerts, skipLocked: true });
  for (const { alert, integration } of resolved) {
    for (const change of alert.changes)
      lines.push(
        `“${alert.title}”: ${await restoreChange(tx, integrationActor(integration), alert, change, now)}`,
      );
    await tx.update(inboundAlerts).set({ restoredAt: now }).where(eq(inboundAlerts.id, alert.id));
  }
  return lines;
}

async function applyAlert(tx: Db, actor: IntegrationActor, alert: InboundAlert, now: Date) {
  const lines: string[] = [];
  let changes: AutomaticChange[] = [];
  if (alert.actions.includes("status") && alert.targetStatus && alert.componentIds.length) {
    const [recent] = await tx
      .select({ id: componentStatusEvents.id })
      .from(componentStatusEvents)
      .where(
        and(
          inArray(componentStatusEvents.componentId, alert.componentIds),
          eq(componentStatusEvents.cause, "integration"),
          gt(componentStatusEvents.at, new Date(now.getTime() - STATUS_CHANGE_SPACING_MS)),
        ),
      )
      .limit(1);
    if (recent)
      return [
        `“${alert.title}”: waiting, a component changed automatically less than 5 minutes ago`,
      ];
    const target = alert.targetStatus;
    const applied = await changeComponentStatuses(
      tx,
      actor,
      alert.componentIds.map((componentId) => ({ componentId, status: target })),
      { cause: "integration", integrationId: actor.id, at: now },
    );
    for (const change of applied) {
      await recordAudit(tx, actor, {
        action: "component.status",
        targetType: "component",
        targetId: change.componentId,
        before: { status: change.oldStatus },
        after: { status: change.newStatus, alert: alert.title },
      });
      lines.push(`“${alert.title}”: ${change.name} set to ${change.newStatus}`);
    }
    changes = applied.map((c) => ({
      componentId: c.componentId,
      from: c.oldStatus,
      to: c.newStatus,
    }));
  }
  if (alert.actions.includes("publish") && alert.draftId) {
    const written = await publishDraftIn(tx, actor, alert.draftId).catch((error: unknown) => {
      // Already published (another alert of the group got there first): nothing more to do.
      if (error instanceof Error && "code" in error && error.code === "conflict") return null;
      throw error;
    });
    if (written) lines.push(`“${alert.title}”: published incident ${written.incident.id}`);
  }
  await tx
    .update(inboundAlerts)
    .set({ appliedAt: now, changes })
    .where(eq(inboundAlerts.id, alert.id));
  return lines;
}
