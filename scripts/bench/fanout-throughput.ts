import { isNull } from "drizzle-orm";
import { notificationFanOuts } from "../../lib/db/schema";
import { declareIncident } from "../../lib/incidents/declare-incident";
import {
  elapsedMs,
  expandedRecipients,
  settled,
  waitWhileProgressing,
  type FanoutStage,
} from "./fanout-phase";
import { tallyDelivery } from "./fanout-tally";

export type ThroughputFigures = {
  /** Declaring the incident (the console's "Declare incident"), one outbox row per recipient included. */
  publishMs: number;
  /** The same declaration with notify off: the write without the fan-out, for comparison. */
  publishWithoutNotifyMs: number;
  outboxRows: number;
  /** From the publish returning (worker already running) to the first message at the SMTP server. */
  firstMessageMs: number | null;
  /** From the publish returning to every recipient holding their message; null if delivery stalled first. */
  allDeliveredMs: number | null;
  /** Recipients / allDeliveredMs: what a comms lead sees end to end. */
  messagesPerSecond: number | null;
  /** Between the first and the last message: the worker's sending rate once it is going. */
  steadyMessagesPerSecond: number | null;
  delivered: number;
  duplicated: number;
  lost: number;
  failed: number;
  /**
   * The worker process's CPU time per 1,000 messages: what delivery costs
   * whatever else the machine is doing (wall-clock rates on a shared 2-core
   * machine say as much about the neighbours as about Herald).
   */
  workerCpuMsPer1000: number | null;
};

const declaration = (componentId: string, notify: boolean) => ({
  title: "Elevated error rates on the API",
  severity: "SEV1",
  body: "We are investigating elevated error rates on the API.",
  components: [{ componentId, status: "major_outage" }],
  notify,
});

/**
 * Part 1: a worker process is running and idle, the lead declares an incident,
 * and every subscriber gets their email. The publish is timed alone (it should
 * barely grow with the audience: one INSERT … SELECT writes the outbox), then
 * delivery until the last recipient's message arrived.
 */
export async function measureThroughput(
  stage: FanoutStage,
): Promise<{ figures: ThroughputFigures; incidentId: string }> {
  const { ctx, sink } = stage;
  // First, untimed declarations load and warm both code paths (a lead's first publish of the day
  // is the only cold one); the warm-up's fan-outs are dropped before any worker sees them.
  await declareIncident({ ctx, input: declaration(stage.componentId, false) });
  await declareIncident({ ctx, input: declaration(stage.componentId, true) });
  await ctx.db.delete(notificationFanOuts).where(isNull(notificationFanOuts.expandedAt));
  let started = performance.now();
  await declareIncident({ ctx, input: declaration(stage.componentId, false) });
  const publishWithoutNotifyMs = elapsedMs(started);

  const worker = stage.spawnWorker("worker");
  try {
    await worker.ready;
    sink.reset();
    const cpuBefore = worker.cpuMs();
    started = performance.now();
    const { incident, update } = await declareIncident({
      ctx,
      input: declaration(stage.componentId, true),
    });
    const published = performance.now();
    const outboxRows = await expandedRecipients(stage, update.id);
    stage.log(
      `throughput: published to ${outboxRows} recipients in ${elapsedMs(started, published)} ms; delivering…`,
    );

    const allArrived = await waitWhileProgressing(
      stage,
      () => sink.byMessageId.size >= outboxRows,
      () => 10,
    );
    const allAt = allArrived ? sink.lastNewAt() : null;
    await waitWhileProgressing(
      stage,
      () => settled(stage, update.id),
      () => 250,
    );
    const cpuAfter = worker.cpuMs();
    const tally = await tallyDelivery(ctx.db, sink, {
      subjectId: update.id,
      mailFrom: stage.mailFrom,
    });
    const firstAt = sink.firstAt();
    const allDeliveredMs = allAt === null ? null : elapsedMs(published, allAt);
    return {
      incidentId: incident.id,
      figures: {
        publishMs: elapsedMs(started, published),
        publishWithoutNotifyMs,
        outboxRows,
        firstMessageMs: firstAt === null ? null : elapsedMs(published, firstAt),
        allDeliveredMs,
        messagesPerSecond: allDeliveredMs ? Math.round((outboxRows / allDeliveredMs) * 1000) : null,
        steadyMessagesPerSecond:
          allAt !== null && firstAt !== null && allAt > firstAt
            ? Math.round(((outboxRows - 1) / (allAt - firstAt)) * 1000)
            : null,
        delivered: tally.delivered,
        duplicated: tally.duplicated,
        lost: tally.lost,
        failed: tally.outbox.failed,
        workerCpuMsPer1000:
          cpuBefore === null || cpuAfter === null || outboxRows === 0
            ? null
            : Math.round(((cpuAfter - cpuBefore) / outboxRows) * 1000),
      },
    };
  } finally {
    await worker.stop();
  }
}
