import type { Db } from "../db/client";
import { systemActor } from "../context";
import { runMaintenanceSchedule } from "../maintenance/run-maintenance-schedule";
import { enqueueCadenceReminders } from "./enqueue-reminders";
import { enqueueRcaReminders } from "./enqueue-rca-reminders";
import { pruneExpandedFanOuts } from "./expand-fan-outs";
import { maintainUptimeRollups } from "../uptime/maintain-rollups";

/**
 * The once-a-minute work: cadence and RCA reminders, and maintenance windows that start
 * or end on their own (their notifications are queued by the same transition a
 * person would make in the console), pruning fan-outs long expanded, and the
 * status page's uptime rollups (so readers never compute them).
 */
export async function runTick(db: Db, now = new Date()) {
  const reminders = await enqueueCadenceReminders(db, now);
  const rcaReminders = await enqueueRcaReminders(db, now);
  const maintenance = await runMaintenanceSchedule({ ctx: { db, actor: systemActor }, now });
  const prunedFanOuts = await pruneExpandedFanOuts(db, now);
  await maintainUptimeRollups(db, now);
  return { reminders, rcaReminders, maintenance, prunedFanOuts };
}
