import { describe, expect, it } from "vitest";
import { createResponseCache, type PublicState } from "./response-cache";
import type { StoredResponse } from "./stored-response";

const stored = (text: string): StoredResponse => ({
  status: 200,
  headers: [],
  etag: `W/"${text}"`,
  identity: Buffer.from(text),
});
const textOf = (r: StoredResponse | null) => r?.identity.toString();
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function harness(
  options: { refreshAfterMs?: number; maxEntries?: number; renderMs?: number } = {},
) {
  const state: PublicState = { version: 1, live: true };
  const clock = { now: 0 };
  let renders = 0;
  const cache = createResponseCache({
    state: () => ({ ...state }),
    async render(key, at) {
      renders++;
      if (options.renderMs) await tick(options.renderMs);
      if (key === "/error") throw new Error("renderer down");
      if (key === "/redirect") return null;
      return stored(`${key} v${at.version} ${at.live ? "live" : "stale"} #${renders}`);
    },
    refreshAfterMs: options.refreshAfterMs,
    maxEntries: options.maxEntries,
    now: () => clock.now,
  });
  return { cache, state, clock, renders: () => renders };
}

describe("the front cache of public responses", () => {
  it("renders once and serves the same response until a publish, then renders the new content", async () => {
    const { cache, state, renders } = harness();
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #1");
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #1");
    expect(renders()).toBe(1);
    state.version = 2;
    expect(textOf(await cache.get("/"))).toBe("/ v2 live #2");
  });

  it("renders again when the database stops or starts answering: the page says so", async () => {
    const { cache, state } = harness();
    await cache.get("/");
    state.live = false;
    expect(textOf(await cache.get("/"))).toContain("stale");
    state.live = true;
    expect(textOf(await cache.get("/"))).toContain("live");
  });

  it("shares one render between concurrent requests", async () => {
    const { cache, renders } = harness({ renderMs: 30 });
    const all = await Promise.all(Array.from({ length: 50 }, () => cache.get("/")));
    expect(new Set(all.map(textOf)).size).toBe(1);
    expect(renders()).toBe(1);
  });

  it("refreshes aged content in the background while still answering at once", async () => {
    const { cache, clock, renders } = harness({ refreshAfterMs: 30_000, renderMs: 10 });
    await cache.get("/");
    clock.now = 20_000;
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #1");
    clock.now = 31_000;
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #1");
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #1");
    await tick(30);
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #2");
    expect(renders()).toBe(2);
  });

  it("never keeps an error or a redirect: those requests go to the renderer itself", async () => {
    const { cache, renders } = harness();
    expect(await cache.get("/error")).toBeNull();
    expect(await cache.get("/redirect")).toBeNull();
    expect(await cache.get("/redirect")).toBeNull();
    expect(renders()).toBe(3);
  });

  it("is bounded, dropping the least recently used entry", async () => {
    const { cache, renders } = harness({ maxEntries: 2 });
    await cache.get("/a");
    await cache.get("/b");
    await cache.get("/a");
    await cache.get("/c");
    expect(cache.size()).toBe(2);
    await cache.get("/a");
    expect(renders()).toBe(3);
    await cache.get("/b");
    expect(renders()).toBe(4);
  });
});
