import { and, eq } from "drizzle-orm";
import { notificationOutbox as outbox } from "../../lib/db/schema";
import { publishIncidentUpdate } from "../../lib/incidents/publish-incident-update";
import { messageIdFor } from "../../lib/mail/transport";
import {
  elapsedMs,
  expandedRecipients,
  settled,
  waitWhileProgressing,
  type FanoutStage,
} from "./fanout-phase";
import { tallyDelivery, type Tally } from "./fanout-tally";

export type SoakKill = {
  /** Distinct recipients served when the SIGKILL landed. */
  afterDelivered: number;
  /** Since the publish returned. */
  atMs: number;
  /** From the kill to the replacement worker's loop running. */
  restartMs: number;
  /**
   * Messages the killed worker had handed to the relay but not yet recorded as
   * sent: in flight at the kill. SMTP cannot take them back, so these, and only
   * these, may arrive twice.
   */
  inFlight: number;
};

export type SoakFigures = Omit<Tally, "expected"> & {
  kills: SoakKill[];
  publishMs: number;
  outboxRows: number;
  /** From the publish returning to no row pending or in flight; null when delivery stalled first. */
  settledMs: number | null;
  /** From the last kill to settled: mostly the claim lease the killed worker's rows wait out. */
  settledAfterLastKillMs: number | null;
};

/**
 * Rows still claimed (not recorded) whose message already reached the sink, not counted at an
 * earlier kill. Read right after a kill: the dead worker's claims stand until their lease ends,
 * and an earlier kill's may still stand too (hence `counted`).
 */
async function sentButUnrecorded(
  stage: FanoutStage,
  subjectId: string,
  counted: Set<string>,
): Promise<number> {
  const claimed = await stage.ctx.db
    .select({ key: outbox.idempotencyKey })
    .from(outbox)
    .where(and(eq(outbox.subjectId, subjectId), eq(outbox.state, "sending")));
  const fresh = claimed.filter(
    ({ key }) => !counted.has(key) && stage.sink.byMessageId.has(messageIdFor(key, stage.mailFrom)),
  );
  for (const { key } of fresh) counted.add(key);
  return fresh.length;
}

/**
 * Part 2: a new update to the same audience while the worker is SIGKILLed
 * `kills` times, spread over the delivery (after each 1/(kills+1) of the
 * recipients), and restarted at once. The kill is sent from a poll of the
 * sink, not from inside the SMTP exchange, so it lands wherever the worker
 * happens to be: rendering, talking SMTP, or recording a send. Copies are
 * recognised by Message-ID, which the worker derives from the row's key.
 */
export async function measureSoak(
  stage: FanoutStage,
  { incidentId, kills }: { incidentId: string; kills: number },
): Promise<SoakFigures> {
  const { ctx, sink } = stage;
  sink.reset();
  let worker = stage.spawnWorker("soak-worker-0");
  try {
    await worker.ready;
    const started = performance.now();
    const { update } = await publishIncidentUpdate({
      ctx,
      input: {
        incidentId,
        state: "identified",
        body: "We found a faulty deploy and are rolling it back.",
        components: [{ componentId: stage.componentId, status: "major_outage" }],
      },
    });
    const published = performance.now();
    const outboxRows = await expandedRecipients(stage, update.id);
    stage.log(
      `soak: published to ${outboxRows} recipients in ${elapsedMs(started, published)} ms; ${kills} kills ahead`,
    );

    const killed: SoakKill[] = [];
    const counted = new Set<string>();
    let lastKillAt: number | null = null;
    for (let k = 1; k <= kills; k++) {
      const target = Math.round((k * outboxRows) / (kills + 1));
      // Polled at a jittered interval, so the kill lands wherever the worker happens to be.
      if (
        !(await waitWhileProgressing(
          stage,
          () => sink.byMessageId.size >= target,
          () => 20 + Math.random() * 30,
        ))
      )
        break;
      lastKillAt = performance.now();
      await worker.crash();
      const afterDelivered = sink.byMessageId.size;
      const inFlight = sentButUnrecorded(stage, update.id, counted);
      worker = stage.spawnWorker(`soak-worker-${k}`);
      await worker.ready;
      killed.push({
        afterDelivered,
        atMs: elapsedMs(published, lastKillAt),
        restartMs: elapsedMs(lastKillAt),
        inFlight: await inFlight,
      });
      stage.log(
        `soak: kill ${k} after ${afterDelivered} recipients, ${killed.at(-1)!.inFlight} in flight; restarted in ${killed.at(-1)!.restartMs} ms`,
      );
    }

    const settledAt = (await waitWhileProgressing(
      stage,
      () => settled(stage, update.id),
      () => 250,
    ))
      ? performance.now()
      : null;
    const { expected: _expected, ...tally } = await tallyDelivery(ctx.db, sink, {
      subjectId: update.id,
      mailFrom: stage.mailFrom,
    });
    return {
      ...tally,
      kills: killed,
      publishMs: elapsedMs(started, published),
      outboxRows,
      settledMs: settledAt === null ? null : elapsedMs(published, settledAt),
      settledAfterLastKillMs:
        settledAt === null || lastKillAt === null ? null : elapsedMs(lastKillAt, settledAt),
    };
  } finally {
    await worker.stop();
  }
}
