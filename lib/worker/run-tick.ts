import type { Db } from "../db/client";
import { systemActor } from "../context";
import { runMaintenanceSchedule } from "../maintenance/run-maintenance-schedule";
import { enqueueMaintenanceReminders } from "../maintenance/enqueue-maintenance-reminders";
import { scheduleNextOccurrences } from "../maintenance/schedule-next-occurrences";
import { enqueueCadenceReminders } from "./enqueue-reminders";
import { enqueueRcaReminders } from "./enqueue-rca-reminders";
import { pruneExpandedFanOuts } from "./expand-fan-outs";
import { maintainUptimeRollups } from "../uptime/maintain-rollups";
import { pruneDeliveredOutbox } from "../deliverability/prune-outbox";
import { applyDueAlerts } from "../inbound/apply-due-alerts";
import { checkHeartbeats } from "../inbound/heartbeats";
import { pruneInboundEvents } from "../inbound/prune-inbound-events";
import { pollDueUpstreams } from "../upstreams/poll-upstreams";

/** Days finished outbox rows and development mail are kept (HERALD_OUTBOX_RETENTION_DAYS). */
export const DEFAULT_RETENTION_DAYS = 30;

/**
 * The once-a-minute work: cadence and RCA reminders, the next occurrence of recurring
 * maintenance, reminders to subscribers before a
 * maintenance window, and maintenance windows that start
 * or end on their own (their notifications are queued by the same transition a
 * person would make in the console), pruning fan-outs long expanded and
 * outbox rows and development mail past their retention (counts kept), and the
 * status page's uptime rollups (so readers never compute them), and inbound
 * alerts past their hold-down and overdue heartbeats, and upstream status pages due a poll.
 */
export async function runTick(
  db: Db,
  now = new Date(),
  { retentionDays = DEFAULT_RETENTION_DAYS }: { retentionDays?: number } = {},
) {
  const reminders = await enqueueCadenceReminders(db, now);
  const rcaReminders = await enqueueRcaReminders(db, now);
  const occurrences = await scheduleNextOccurrences(db, now);
  const maintenanceReminders = await enqueueMaintenanceReminders(db, now);
  const maintenance = await runMaintenanceSchedule({ ctx: { db, actor: systemActor }, now });
  // Alerts whose hold-down passed since they arrived, and heartbeats that missed their interval.
  const alerts = await db.transaction((tx) => applyDueAlerts(tx, now));
  const heartbeats = await checkHeartbeats(db, now);
  const prunedFanOuts = await pruneExpandedFanOuts(db, now);
  const prunedOutbox = await pruneDeliveredOutbox(db, { now, retentionDays });
  const prunedInbound = await pruneInboundEvents(db, { now, retentionDays });
  await maintainUptimeRollups(db, now);
  const upstreams = await pollDueUpstreams(db, now);
  return {
    reminders,
    rcaReminders,
    occurrences,
    maintenanceReminders,
    maintenance,
    alerts: alerts.length,
    heartbeats,
    prunedFanOuts,
    prunedOutbox,
    prunedInbound,
    upstreams: upstreams.length,
  };
}
