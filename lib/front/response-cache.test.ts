import { describe, expect, it } from "vitest";
import { canonicalPublicUrl, publicRouteOf } from "../http/public-routes";
import { createResponseCache, RENDER_TIMED_OUT, type PublicState } from "./response-cache";
import type { StoredResponse } from "./stored-response";

const stored = (text: string, status = 200): StoredResponse => ({
  status,
  headers: [],
  etag: `W/"${text}"`,
  identity: Buffer.from(text),
});
const textOf = (r: StoredResponse | typeof RENDER_TIMED_OUT | null) =>
  r === RENDER_TIMED_OUT ? r : r?.identity.toString();
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function harness(
  options: {
    refreshAfterMs?: number;
    maxBytes?: number;
    renderFirst?: string;
    renderMs?: number;
    timeoutMs?: number;
  } = {},
) {
  const state: PublicState = { version: 1, live: true };
  const clock = { now: 0 };
  const aborted: string[] = [];
  const gone = new Set<string>();
  let renders = 0;
  let hang = false;
  let failing = false;
  let degraded = false;
  const cache = createResponseCache({
    state: () => ({ ...state }),
    async render(key, at, signal) {
      renders++;
      signal.addEventListener("abort", () => aborted.push(key));
      if (hang) return new Promise(() => {});
      if (options.renderMs) await tick(options.renderMs);
      if (key === "/error") throw new Error("renderer down");
      if (failing) return { response: stored("oops", 500), keep: false };
      if (gone.has(key)) return { response: stored("not found", 404), keep: false };
      const body = `${key} v${at.version} ${at.live ? "live" : "stale"} #${renders}`;
      return {
        response: stored(degraded ? `${body} from last good data` : body),
        keep: true,
        degraded,
      };
    },
    refreshAfterMs: options.refreshAfterMs,
    maxBytes: options.maxBytes,
    renderFirst: options.renderFirst,
    renderTimeoutMs: options.timeoutMs ?? 50,
    now: () => clock.now,
  });
  return {
    cache,
    state,
    clock,
    aborted,
    gone,
    renders: () => renders,
    hang: (on: boolean) => (hang = on),
    fail: (on: boolean) => (failing = on),
    degrade: (on: boolean) => (degraded = on),
  };
}

describe("the front cache of public responses", () => {
  it("after a publish, readers get the previous render until the new one is ready", async () => {
    const { cache, state, renders } = harness({ renderMs: 20 });
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #1");
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #1");
    expect(renders()).toBe(1);
    state.version = 2;
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #1");
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #1");
    await tick(40);
    expect(textOf(await cache.get("/"))).toBe("/ v2 live #2");
    expect(renders()).toBe(2);
  });

  it("never makes a reader wait on a re-render after a change, however quick the render", async () => {
    const { cache, state, renders } = harness({ renderMs: 1 });
    await cache.get("/");
    state.version = 2;
    expect(textOf(cache.ready("/")!)).toBe("/ v1 live #1");
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #1");
    await tick(20);
    expect(textOf(cache.ready("/")!)).toBe("/ v2 live #2");
    expect(renders()).toBe(2);
  });

  it("whoever just changed something waits for the new render, however slow, sharing it with everyone", async () => {
    const { cache, state, renders } = harness({ renderMs: 40, timeoutMs: 500 });
    await cache.get("/");
    state.version = 2;
    const [visitor, author] = await Promise.all([
      cache.get("/"),
      cache.get("/", { waitForChange: true }),
    ]);
    expect(textOf(visitor)).toBe("/ v1 live #1");
    expect(textOf(author)).toBe("/ v2 live #2");
    expect(renders()).toBe(2);
  });

  it("re-renders what readers were asking for as soon as told of a change, before anyone asks", async () => {
    const { cache, state, renders } = harness({ renderMs: 5 });
    await cache.get("/");
    await cache.get("/api/v2/summary.json");
    state.version = 2;
    void cache.refreshRecent();
    expect(renders()).toBe(3);
    await tick(30);
    expect(textOf(await cache.get("/"))).toMatch(/^\/ v2 live/);
    expect(renders()).toBe(4);
  });

  it("re-renders the first alone, then a few at a time, so other work is not queued behind them all", async () => {
    const { cache, state, renders } = harness({ renderMs: 10 });
    for (const url of ["/a", "/b", "/c", "/d", "/e"]) await cache.get(url);
    state.version = 2;
    const sweep = cache.refreshRecent();
    expect(renders()).toBe(6);
    await tick(15);
    expect(renders()).toBe(8);
    await sweep;
    expect(renders()).toBe(10);
    expect(textOf(await cache.get("/a"))).toMatch(/^\/a v2 live/);
  });

  it("after a change, re-renders the status page first, then what was read most", async () => {
    const { cache, state } = harness({ renderMs: 5, renderFirst: "/" });
    for (const url of ["/reliability", "/", "/badge.svg"]) await cache.get(url);
    for (let i = 0; i < 2; i++) cache.ready("/");
    for (let i = 0; i < 5; i++) cache.ready("/badge.svg");
    state.version = 2;
    await cache.refreshRecent(32, 1);
    expect(textOf(cache.ready("/")!)).toBe("/ v2 live #4");
    expect(textOf(cache.ready("/badge.svg")!)).toBe("/badge.svg v2 live #5");
    expect(textOf(cache.ready("/reliability")!)).toBe("/reliability v2 live #6");
  });

  it("a reader of a URL the sweep has not reached leaves its render to the sweep", async () => {
    const { cache, state, renders } = harness({ renderMs: 10 });
    for (const url of ["/c", "/b", "/a"]) await cache.get(url);
    cache.ready("/a");
    state.version = 2;
    const sweep = cache.refreshRecent(32, 1);
    expect(renders()).toBe(4);
    for (let i = 0; i < 3; i++) expect(textOf(cache.ready("/c")!)).toBe("/c v1 live #1");
    expect(renders()).toBe(4);
    await sweep;
    expect(renders()).toBe(6);
    expect(textOf(cache.ready("/c")!)).toMatch(/^\/c v2 live/);
    // Once the state moves past the sweep (the database went away), readers render for themselves.
    state.version = 3;
    const next = cache.refreshRecent(32, 1);
    expect(renders()).toBe(7);
    cache.ready("/b");
    expect(renders()).toBe(7);
    state.live = false;
    cache.ready("/b");
    expect(renders()).toBe(8);
    await next;
  });

  it("between the announcement of a change and its sweep, readers start no renders of their own", async () => {
    const { cache, state, renders } = harness({ renderMs: 1 });
    await cache.get("/");
    state.version = 2;
    cache.changed(20);
    for (let i = 0; i < 3; i++) expect(textOf(cache.ready("/")!)).toBe("/ v1 live #1");
    expect(renders()).toBe(1);
    await tick(40);
    expect(textOf(cache.ready("/")!)).toBe("/ v2 live #2");
    expect(renders()).toBe(2);
  });

  it("after a change, re-renders only what was read lately; the rest renders when next asked for", async () => {
    const { cache, state, clock, renders } = harness({ refreshAfterMs: 30_000 });
    await cache.get("/history.atom");
    clock.now += 31_000;
    await cache.get("/");
    state.version = 2;
    await cache.refreshRecent();
    expect(renders()).toBe(3);
    expect(textOf(await cache.get("/"))).toMatch(/^\/ v2 live/);
    // Not read for 31 s: not rendered ahead, so its next reader triggers the render (and, without a
    // budget to wait, gets the previous copy meanwhile).
    expect(textOf(await cache.get("/history.atom"))).toMatch(/v1 live/);
    await tick();
    expect(textOf(await cache.get("/history.atom"))).toMatch(/v2 live/);
    expect(renders()).toBe(4);
  });

  it("renders again when the database stops or starts answering: the page says so", async () => {
    const { cache, state } = harness();
    await cache.get("/");
    state.live = false;
    await cache.get("/");
    await tick();
    expect(textOf(await cache.get("/"))).toContain("stale");
    state.live = true;
    await cache.get("/");
    await tick();
    expect(textOf(await cache.get("/"))).toContain("live");
  });

  it("renders a copy made from last-good data again soon, though nothing announces the recovery", async () => {
    const { cache, clock, degrade } = harness();
    degrade(true);
    expect(textOf(await cache.get("/"))).toContain("from last good data");
    degrade(false);
    expect(textOf(await cache.get("/"))).toContain("from last good data");
    clock.now += 2_500;
    await cache.get("/");
    await tick();
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #2");
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

  it("hands any stored copy over at once; only the author of a change waits for its re-render", async () => {
    const { cache, clock, state, renders } = harness({ refreshAfterMs: 30_000, renderMs: 10 });
    expect(cache.ready("/")).toBeUndefined();
    await cache.get("/");
    expect(textOf(cache.ready("/")!)).toBe("/ v1 live #1");
    clock.now = 31_000;
    expect(textOf(cache.ready("/")!)).toBe("/ v1 live #1");
    await tick(30);
    expect(textOf(cache.ready("/")!)).toBe("/ v1 live #2");
    state.version = 2;
    expect(cache.ready("/", true)).toBeUndefined();
    expect(textOf(cache.ready("/")!)).toBe("/ v1 live #2");
    await tick(30);
    expect(textOf(cache.ready("/")!)).toBe("/ v2 live #3");
    expect(renders()).toBe(3);
  });

  it("abandons a hung render: the last good copy is served, or a timeout, and the URL is not blocked", async () => {
    const { cache, state, aborted, renders, hang } = harness({ timeoutMs: 30 });
    await cache.get("/");
    hang(true);
    state.version = 2;
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #1");
    expect(textOf(await cache.get("/history"))).toBe(RENDER_TIMED_OUT);
    await tick(60);
    expect(aborted).toEqual(expect.arrayContaining(["/", "/history"]));
    // The hung renders no longer hold their URLs: once the renderer is well, the next reader gets the new page.
    hang(false);
    const next = renders() + 1;
    expect(textOf(await cache.get("/history"))).toBe(`/history v2 live #${next}`);
    expect(textOf(await cache.get("/"))).toBe("/ v1 live #1");
  });

  it("keeps the last good copy when a re-render fails; sends a not-found without keeping it", async () => {
    const { cache, state, gone, renders, fail } = harness();
    await cache.get("/incidents/aaaaaaaaaaaa");
    fail(true);
    state.version = 2;
    await cache.get("/incidents/aaaaaaaaaaaa");
    await tick();
    expect(textOf(await cache.get("/incidents/aaaaaaaaaaaa"))).toContain("v1");
    fail(false);
    expect(await cache.get("/error")).toBeNull();

    gone.add("/incidents/bbbbbbbbbbbb");
    const before = renders();
    expect(await cache.get("/incidents/bbbbbbbbbbbb")).toMatchObject({ status: 404 });
    expect(await cache.get("/incidents/bbbbbbbbbbbb")).toMatchObject({ status: 404 });
    expect(renders()).toBe(before + 2);
    expect(cache.size()).toBe(1);
  });

  it("stays within its byte budget, dropping the least recently used entry", async () => {
    const { cache, renders } = harness({ maxBytes: 40 });
    await cache.get("/a"); // 13 bytes each: "/a v1 live #1"
    await cache.get("/b");
    await cache.get("/c");
    await cache.get("/a");
    await cache.get("/d");
    expect(cache.bytes()).toBeLessThanOrEqual(40);
    expect(cache.size()).toBe(3);
    const rendered = renders();
    await cache.get("/a");
    expect(renders()).toBe(rendered);
    await cache.get("/b");
    expect(renders()).toBe(rendered + 1);
  });

  it("keeps one entry for a flood of unique query strings the route does not read", async () => {
    const { cache, renders } = harness();
    for (let i = 0; i < 5000; i++) {
      const url = `/?utm_source=${i}&x=${Math.random()}`;
      await cache.get(canonicalPublicUrl(url, publicRouteOf("/")!));
    }
    expect(cache.size()).toBe(1);
    expect(renders()).toBe(1);
  });
});
