import { EventEmitter } from "node:events";

/**
 * In-process nudge for this process's worker, sent by followOutbox when the database announces
 * new outbox rows or fan-outs (whoever queued them), so the worker need not wait for its next poll.
 */
const holder = globalThis as unknown as { __heraldWorkerWake?: EventEmitter };
const wake = (holder.__heraldWorkerWake ??= new EventEmitter());

export function wakeWorker(): void {
  wake.emit("wake");
}

/** Resolves after `ms`, or sooner when woken or aborted. */
export function sleepUntilWoken(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      wake.off("wake", done);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    wake.once("wake", done);
    signal?.addEventListener("abort", done, { once: true });
  });
}
