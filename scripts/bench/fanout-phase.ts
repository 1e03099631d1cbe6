import { sql } from "drizzle-orm";
import type { Ctx } from "../../lib/context";
import { notificationFanOuts } from "../../lib/db/schema";
import type { CountingSmtpSink } from "./counting-smtp-sink";
import { outboxStates } from "./fanout-tally";
import type { WorkerProcess } from "./worker-process";

/** What both parts of the fan-out bench share: one seeded database, one sink, a way to start workers. */
export type FanoutStage = {
  ctx: Ctx;
  componentId: string;
  sink: CountingSmtpSink;
  mailFrom: string;
  spawnWorker: (label: string) => WorkerProcess;
  /**
   * A part gives up when no message reached the SMTP server for this long and
   * reports what is missing as lost. It must outlast the worker's claim lease
   * (30 s), which rows held by a killed worker wait out.
   */
  stallTimeoutMs: number;
  log: (line: string) => void;
};

export const elapsedMs = (from: number, to = performance.now()) => Math.round(to - from);

/**
 * Polls `done` every `everyMs` until it holds (true), or until nothing new
 * reached the SMTP server for the stage's stall timeout (false). A deadline on
 * progress rather than on the whole part: 10,000 messages may rightly take minutes.
 */
export async function waitWhileProgressing(
  stage: FanoutStage,
  done: () => boolean | Promise<boolean>,
  everyMs: () => number,
): Promise<boolean> {
  let seen = stage.sink.total();
  let progressAt = performance.now();
  while (!(await done())) {
    if (stage.sink.total() !== seen) {
      seen = stage.sink.total();
      progressAt = performance.now();
    } else if (performance.now() - progressAt > stage.stallTimeoutMs) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs()));
  }
  return true;
}

/** No row of the update is pending or in flight: each is sent, skipped, or failed for good. */
export async function settled(stage: FanoutStage, subjectId: string): Promise<boolean> {
  const states = await outboxStates(stage.ctx.db, subjectId);
  return states.pending + states.sending === 0;
}

/**
 * A publish queues one fan-out per audience; the worker expands them into
 * outbox rows. Waits for that and returns how many recipients they reached.
 */
export async function expandedRecipients(stage: FanoutStage, subjectId: string): Promise<number> {
  for (;;) {
    const fanOuts = await stage.ctx.db
      .select()
      .from(notificationFanOuts)
      .where(sql`${notificationFanOuts.spec}->>'subjectId' = ${subjectId}`);
    if (fanOuts.length > 0 && fanOuts.every((f) => f.expandedAt))
      return fanOuts.reduce((n, f) => n + (f.recipients ?? 0), 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
