import { EventEmitter } from "node:events";

/**
 * In-process nudge for this process's worker, sent by followOutbox when the database announces
 * new outbox rows or fan-outs (whoever queued them), so the worker need not wait for its next poll.
 */
const holder = globalThis as unknown as { __heraldWorkerWake?: EventEmitter };
const wake = (holder.__heraldWorkerWake ??= new EventEmitter());

/**
 * A wake that came while the worker was busy (not asleep): the work it announced may have been
 * committed after that batch's claim, so the next sleep must not wait for it. Lost, a row queued
 * during a batch waited for the next poll.
 */
let missedWake = false;

export function wakeWorker(): void {
  if (wake.listenerCount("wake") === 0) missedWake = true;
  wake.emit("wake");
}

/** Resolves after `ms`, or sooner when woken (now, or since the last sleep) or aborted. */
export function sleepUntilWoken(ms: number, signal?: AbortSignal): Promise<void> {
  // Stopped while busy: an aborted signal never fires "abort" again, and the stop would wait out the whole sleep.
  if (signal?.aborted) return Promise.resolve();
  if (missedWake) {
    missedWake = false;
    return Promise.resolve();
  }
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
