import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../db/client";
import { databaseLive } from "../db/liveness";
import { freshDatabase } from "../testing/databases";
import { invalidatePublicCache, publicCached } from "../public/public-cache";
import { mirrorPublicState } from "./mirror-public-state";
import { readSharedPublicState } from "./shared-public-state";

/** What the front thread reads, as the main thread's public cache and liveness probe change. */
describe("the public state the front thread reads", () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    vi.useRealTimers();
  });
  const mirrored = () => {
    const onChange = vi.fn();
    const mirror = mirrorPublicState(onChange);
    stops.push(mirror.stop);
    return { onChange, read: readSharedPublicState(mirror.buffer) };
  };

  it("follows each invalidation, and is stored before the thread is told", () => {
    const { onChange, read } = mirrored();
    const before = read.state().version;
    onChange.mockImplementation(() => expect(read.state().version).toBe(before + 1));
    invalidatePublicCache();
    expect(onChange).toHaveBeenCalledOnce();
    expect(read.state().version).toBe(before + 1);
  });

  it("counts answers served from last-good data", async () => {
    const { read } = mirrored();
    await publicCached("mirror-test", async () => "good");
    invalidatePublicCache();
    const before = read.staleAnswerCount();
    const answer = await publicCached("mirror-test", () => Promise.reject(new Error("down")));
    expect(answer).toEqual({ value: "good", stale: true });
    expect(read.staleAnswerCount()).toBe(before + 1);
  });

  it("says whether the database answered, and when it answers again", async () => {
    const database = await freshDatabase("pglite");
    stops.push(() => void database.dispose());
    const { read } = mirrored();
    expect(read.state().live).toBe(true);
    // The probe runs at most every 3 s: the test moves the clock instead of waiting.
    vi.useFakeTimers({ toFake: ["Date"] });
    const down = () => Promise.reject(new Error("connection refused")) as Promise<Db>;
    await databaseLive(down);
    await vi.waitFor(() => expect(read.state().live).toBe(false));

    vi.setSystemTime(Date.now() + 10_000);
    await databaseLive(async () => database.db);
    await vi.waitFor(() => expect(read.state().live).toBe(true));
  });
});
