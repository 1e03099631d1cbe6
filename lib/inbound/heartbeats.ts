import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { inboundEvents, integrations, type Integration } from "../db/schema";
import { applyDueAlerts } from "./apply-due-alerts";
import type { ParsedPayload } from "./normalized-alert";
import { processAlerts } from "./process-alerts";

/**
 * A heartbeat is an alert Herald raises itself: no ping within the interval
 * fires it ("critical", so the mapped components go down unless a rule says
 * otherwise), the next ping resolves it, and the alert machinery restores.
 */
const missedPing = (integration: Integration, status: "firing" | "resolved"): ParsedPayload => ({
  groupKey: "heartbeat",
  alerts: [
    {
      key: "heartbeat",
      status,
      labels: { severity: "critical" },
      title: `No heartbeat from ${integration.name}`,
      summary: `${integration.name} has not checked in for over ${integration.heartbeatIntervalSeconds ?? 0} seconds.`,
      severity: "critical",
      startedAt: null,
    },
  ],
});

/** A ping: records it and, if the heartbeat was overdue, resolves the missed-ping alert. */
export async function heartbeatPing(tx: Db, integration: Integration, now: Date) {
  await tx
    .update(integrations)
    .set({ lastPingAt: now, heartbeatDownAt: null })
    .where(eq(integrations.id, integration.id));
  if (!integration.heartbeatDownAt) return ["ping"];
  const lines = await processAlerts(tx, integration, missedPing(integration, "resolved"), now);
  return [
    "ping after a missed interval",
    ...lines,
    ...(await applyDueAlerts(tx, now, integration.id)),
  ];
}

/** The worker's tick: heartbeats whose last ping is older than their interval go down. */
export async function checkHeartbeats(db: Db, now: Date) {
  const overdue = await db
    .select()
    .from(integrations)
    .where(
      and(
        eq(integrations.type, "heartbeat"),
        isNull(integrations.heartbeatDownAt),
        isNotNull(integrations.lastPingAt),
        lt(
          integrations.lastPingAt,
          sql`${now.toISOString()}::timestamptz - make_interval(secs => ${integrations.heartbeatIntervalSeconds})`,
        ),
      ),
    );
  for (const integration of overdue)
    await db.transaction(async (tx) => {
      await tx
        .update(integrations)
        .set({ heartbeatDownAt: now })
        .where(eq(integrations.id, integration.id));
      const lines = [
        ...(await processAlerts(tx, integration, missedPing(integration, "firing"), now)),
        ...(await applyDueAlerts(tx, now, integration.id)),
      ];
      // Not a request: status 0 marks the worker's own entry in the event log.
      await tx
        .insert(inboundEvents)
        .values({ integrationId: integration.id, httpStatus: 0, outcome: lines, payload: "" });
    });
  return overdue.length;
}
