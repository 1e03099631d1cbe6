import { publishIncidentUpdate } from "../../lib/incidents/publish-incident-update";
import {
  elapsedMs,
  expandedRecipients,
  settled,
  waitWhileProgressing,
  type FanoutStage,
} from "./fanout-phase";
import { tallyDelivery } from "./fanout-tally";

export type ScaleOutFigures = {
  workers: number;
  outboxRows: number;
  /** From the publish returning to every recipient holding their message; null if delivery stalled. */
  allDeliveredMs: number | null;
  messagesPerSecond: number | null;
  delivered: number;
  duplicated: number;
  lost: number;
};

/**
 * Part 3: the same audience, another update, with `workers` standalone
 * workers running side by side (SKIP LOCKED claims): what scaling out buys.
 */
export async function measureScaleOut(
  stage: FanoutStage,
  { incidentId, workers }: { incidentId: string; workers: number },
): Promise<ScaleOutFigures> {
  const { ctx, sink } = stage;
  const running = Array.from({ length: workers }, (_, i) => stage.spawnWorker(`scale-${i}`));
  try {
    await Promise.all(running.map((w) => w.ready));
    sink.reset();
    const { update } = await publishIncidentUpdate({
      ctx,
      input: {
        incidentId,
        state: "monitoring",
        body: `A fix is deployed (${workers} workers delivering).`,
        components: [{ componentId: stage.componentId, status: "degraded_performance" }],
      },
    });
    const published = performance.now();
    const outboxRows = await expandedRecipients(stage, update.id);
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
    const tally = await tallyDelivery(ctx.db, sink, {
      subjectId: update.id,
      mailFrom: stage.mailFrom,
    });
    const allDeliveredMs = allAt === null ? null : elapsedMs(published, allAt);
    stage.log(`scale-out: ${workers} workers delivered ${outboxRows} in ${allDeliveredMs} ms`);
    return {
      workers,
      outboxRows,
      allDeliveredMs,
      messagesPerSecond: allDeliveredMs ? Math.round((outboxRows / allDeliveredMs) * 1000) : null,
      delivered: tally.delivered,
      duplicated: tally.duplicated,
      lost: tally.lost,
    };
  } finally {
    await Promise.all(running.map((w) => w.stop()));
  }
}
