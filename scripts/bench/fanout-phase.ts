import type { Ctx } from "../../lib/context";
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
  /** Longest a part waits for delivery to finish before it reports what is missing as lost. */
  timeoutMs: number;
  log: (line: string) => void;
};

export const elapsedMs = (from: number, to = performance.now()) => Math.round(to - from);

/**
 * Waits until none of the update's outbox rows is pending or being sent (every
 * row sent, skipped or failed for good). Returns performance.now() then, or null
 * if `deadline` came first.
 */
export async function waitUntilSettled(stage: FanoutStage, subjectId: string, deadline: number): Promise<number | null> {
  while (performance.now() < deadline) {
    const states = await outboxStates(stage.ctx.db, subjectId);
    if (states.pending + states.sending === 0) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}
