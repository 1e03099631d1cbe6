import { describe, expect, it } from "vitest";
import { sleepUntilWoken, wakeWorker } from "./wake";

const settlesWithin = (promise: Promise<void>, ms: number) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(resolve, ms, false)),
  ]);

describe("waking the worker", () => {
  it("a wake while the worker is busy is not lost: its next sleep ends at once", async () => {
    wakeWorker();
    expect(await settlesWithin(sleepUntilWoken(600_000), 100)).toBe(true);
    // Only once: the sleep after that waits again.
    const stop = new AbortController();
    expect(await settlesWithin(sleepUntilWoken(600_000, stop.signal), 100)).toBe(false);
    stop.abort();
  });

  it("a wake during a sleep ends that sleep, and is not kept for the next", async () => {
    const sleeping = sleepUntilWoken(600_000);
    wakeWorker();
    expect(await settlesWithin(sleeping, 100)).toBe(true);
    expect(await settlesWithin(sleepUntilWoken(150), 100)).toBe(false);
  });

  it("a worker stopped while busy does not sleep again: its stop returns at once", async () => {
    const stop = new AbortController();
    stop.abort();
    expect(await settlesWithin(sleepUntilWoken(600_000, stop.signal), 100)).toBe(true);
  });
});
