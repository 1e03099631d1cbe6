import type { StoredResponse } from "./stored-response";

/**
 * What a stored response depends on besides its URL: the public cache's
 * version (bumped by every committed public change, on every instance) and
 * whether the database answered (a page says "may be out of date" when not).
 */
export type PublicState = { version: number; live: boolean };

/**
 * A render's outcome: a response to send, whether it may be kept for others,
 * and whether it was made from last-good data (a database read failed during
 * it): such a copy is kept, but rendered again soon even if nothing changes.
 */
export type Rendered = { response: StoredResponse; keep: boolean; degraded?: boolean };

type Entry = {
  state: PublicState;
  renderedAt: number;
  /** When a reader last asked for it: only what is being read is re-rendered ahead of readers. */
  readAt: number;
  /** Reads since the last sweep of re-renders: the most read is re-rendered first. */
  reads: number;
  response: StoredResponse;
  bytes: number;
  degraded: boolean;
};

type Options = {
  state: () => PublicState;
  /** Renders `key` afresh; null when there is nothing to share (the renderer failed). */
  render: (key: string, state: PublicState, signal: AbortSignal) => Promise<Rendered | null>;
  /** Content that drifts with the clock (today's uptime, "in progress") is refreshed this often. */
  refreshAfterMs?: number;
  /** A render taking longer is abandoned: the last good copy (or a 503) is served instead. */
  renderTimeoutMs?: number;
  /** Memory for stored responses (every encoding counted); least recently used out first. */
  maxBytes?: number;
  /**
   * After a change, re-rendered first and alone: the page visitors come to during an incident.
   * Read counts alone could not tell it: a widget polling summary.json reads more often.
   */
  renderFirst?: string;
  now?: () => number;
};

/** What `get` answers when a render timed out and there is no earlier copy. */
export const RENDER_TIMED_OUT = "timed-out" as const;

const sameState = (a: PublicState, b: PublicState) => a.version === b.version && a.live === b.live;
const sizeOf = (r: StoredResponse) =>
  r.identity.length +
  (r.gzip?.length ?? 0) +
  (r.br?.length ?? 0) +
  r.headers.reduce((n, [k, v]) => n + k.length + v.length, 0);
/** After a failed or abandoned background render, wait this long before trying that URL again. */
const RETRY_AFTER_FAILURE_MS = 2000;

/**
 * Rendered public responses in memory, in front of the renderer. Readers never
 * wait on a re-render: after a publish (or as content ages) they get the
 * previous render while one shared background render makes the next; only a
 * URL never rendered waits, and never longer than the render timeout. A hung
 * render is abandoned (aborted) so it cannot hold the URL. Bounded in bytes.
 */
export function createResponseCache({
  state,
  render,
  refreshAfterMs = 30_000,
  renderTimeoutMs = 5_000,
  maxBytes = 64 * 1024 * 1024,
  renderFirst,
  // Monotonic, and not Date.now, which Next wraps to watch prerenders (a cost on every call).
  now = () => performance.now(),
}: Options) {
  const entries = new Map<string, Entry>();
  type Flight = Promise<Rendered | null | typeof RENDER_TIMED_OUT>;
  const inflight = new Map<string, { version: number; flight: Flight }>();
  const failedAt = new Map<string, number>();
  let bytes = 0;
  /** The entry last moved to the end of `entries` (the most recently used). */
  let lastRead: string | undefined;
  /**
   * URLs the current sweep (`refreshRecent`) will re-render and has not reached yet: their readers
   * leave the render to it. Each reader starting its own render put four renders at once on a large
   * page's one core, and `/` (the page most read) finished last.
   */
  const awaitingSweep = new Set<string>();
  /** What the current sweep renders: once the state moves past it, readers render for themselves again. */
  let sweepState: PublicState | undefined;
  /** A sweep is due (see `changed`): until it starts, readers leave their renders to it. */
  let sweepDue: NodeJS.Timeout | undefined;

  function forget(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function remember(key: string, entry: Entry): void {
    const current = entries.get(key);
    // A render that started before a later one finished must not replace it.
    if (current && current.state.version > entry.state.version) return;
    forget(key);
    if (entry.bytes > maxBytes) return;
    entries.set(key, entry);
    lastRead = key;
    bytes += entry.bytes;
    while (bytes > maxBytes) forget(entries.keys().next().value!);
  }

  /** One render per URL at a time; abandoned after the timeout so that the next request may start another. */
  function refresh(
    key: string,
    at: PublicState,
  ): Promise<Rendered | null | typeof RENDER_TIMED_OUT> {
    const running = inflight.get(key);
    if (running && running.version >= at.version) return running.flight;
    // A render of an older version is running: let it finish, then render what changed since.
    if (running) return running.flight.then(() => refresh(key, at));
    const controller = new AbortController();
    const renderedAt = now();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<typeof RENDER_TIMED_OUT>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve(RENDER_TIMED_OUT);
      }, renderTimeoutMs);
      timer.unref?.();
    });
    const flight = Promise.race([
      render(key, at, controller.signal).catch(() => null),
      timedOut,
    ]).then((rendered) => {
      clearTimeout(timer);
      if (inflight.get(key)?.flight === flight) inflight.delete(key);
      // A server error is a failed render: the last good copy stays.
      if (!rendered || rendered === RENDER_TIMED_OUT || rendered.response.status >= 500)
        failedAt.set(key, now());
      else {
        failedAt.delete(key);
        if (rendered.keep)
          remember(key, {
            state: at,
            renderedAt,
            readAt: entries.get(key)?.readAt ?? renderedAt,
            reads: entries.get(key)?.reads ?? 0,
            response: rendered.response,
            bytes: sizeOf(rendered.response),
            degraded: rendered.degraded ?? false,
          });
        // An answer not to keep (a not-found: the record was deleted) is not stored, and ends the old copy.
        else forget(key);
      }
      return rendered;
    });
    inflight.set(key, { version: at.version, flight });
    return flight;
  }

  /**
   * The copy a reader gets at once, without a promise or a microtask (the hot path: thousands per
   * second): a current copy, or one that has aged or changed since (its re-render starts in the
   * background; readers never wait on it). Undefined when the reader must wait: nothing stored
   * yet, or a change since and this reader made it (`waitForChange`, see `get`).
   */
  function ready(
    key: string,
    current: PublicState,
    at: number,
    waitForChange: boolean,
  ): StoredResponse | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    // Least recently read out first: moved to the end unless it is already there (under load, one
    // URL is read many times in a row).
    if (key !== lastRead) {
      entries.delete(key);
      entries.set(key, entry);
      lastRead = key;
    }
    entry.readAt = at;
    entry.reads++;
    const changed = !sameState(entry.state, current);
    const age = at - entry.renderedAt;
    // A copy made while a read failed ("may be out of date") must not outlive the failure by
    // refreshAfterMs: nothing announces the recovery of one read.
    const outdated =
      changed || age > refreshAfterMs || (entry.degraded && age > RETRY_AFTER_FAILURE_MS);
    if (!outdated || at - (failedAt.get(key) ?? -Infinity) < RETRY_AFTER_FAILURE_MS)
      return entry.response;
    if (changed && waitForChange) return undefined;
    const sweepWillRender =
      changed &&
      (sweepDue !== undefined ||
        (awaitingSweep.has(key) && sweepState !== undefined && sameState(sweepState, current)));
    if (!sweepWillRender) void refresh(key, current);
    return entry.response;
  }

  /**
   * Re-renders what readers were asking for now, rather than on their next request: what readers
   * (and a CDN revalidating) ask for next is already being rendered when they do. Only entries
   * read within `refreshAfterMs`: on a large page, re-rendering what nobody reads took CPU from
   * those who do. `renderFirst` first and alone (on a large page, a publish re-rendered seven
   * surfaces, and `/` waited behind /reliability and /history), then the most read since the last
   * sweep (ties: the most recently read), a few at a time: all at once, they queued ahead of the
   * console's own queries (on PGlite's one connection, the comms lead's next page waited behind 32
   * renders).
   */
  function refreshRecent(limit = 32, concurrency = 2): Promise<void | undefined> {
    const current = state();
    const at = now();
    const recent: { key: string; reads: number; readAt: number }[] = [];
    for (const [key, entry] of entries) {
      if (at - entry.readAt <= refreshAfterMs)
        recent.push({ key, reads: entry.reads, readAt: entry.readAt });
      entry.reads = 0;
    }
    // Ties in read time: the most recently used (the end of `entries`) first.
    recent
      .reverse()
      .sort(
        (a, b) =>
          Number(b.key === renderFirst) - Number(a.key === renderFirst) ||
          b.reads - a.reads ||
          b.readAt - a.readAt,
      );
    const queue = recent.slice(0, limit).map(({ key }) => key);
    awaitingSweep.clear();
    for (const key of queue) awaitingSweep.add(key);
    sweepState = current;
    let next = 0;
    /** Renders the next URL of the queue; false when there is none, or a later change took over. */
    const step = async (): Promise<boolean> => {
      // A later change restarts the sweep; what this one has not reached waits for it.
      if (next >= queue.length || state().version !== current.version) return false;
      const key = queue[next++]!;
      awaitingSweep.delete(key);
      const entry = entries.get(key);
      if (entry && !sameState(entry.state, current) && now() - entry.readAt <= refreshAfterMs)
        await refresh(key, current);
      return true;
    };
    const lane = async (): Promise<void> => {
      while (await step());
    };
    // The first alone, then the rest a few at a time: beside another render, the large page's `/`
    // took half as long again to come back.
    return step().then((more) =>
      more ? Promise.all(Array.from({ length: concurrency }, lane)).then(() => {}) : undefined,
    );
  }

  return {
    /** The stored copy when a reader may have it at once (see `ready`); else undefined, and `get` waits. */
    ready: (key: string, waitForChange = false): StoredResponse | undefined =>
      ready(key, state(), now(), waitForChange),
    /**
     * `waitForChange`: this reader just changed something (a signed-in console member) and waits for
     * the re-render up to the render timeout: whoever saves sees what they saved. Everyone else
     * gets the previous copy until the re-render is ready. The author shares the one render
     * everyone else triggers, so it costs no extra renders.
     */
    async get(
      key: string,
      { waitForChange = false }: { waitForChange?: boolean } = {},
    ): Promise<StoredResponse | typeof RENDER_TIMED_OUT | null> {
      const current = state();
      const at = now();
      const copy = ready(key, current, at, waitForChange);
      if (copy) return copy;
      const entry = entries.get(key);
      const rendered = await refresh(key, current);
      // Past the timeout, or a failed render: the previous copy when there is one, as a CDN would.
      if (entry && (!rendered || rendered === RENDER_TIMED_OUT || rendered.response.status >= 500))
        return entry.response;
      return rendered && rendered !== RENDER_TIMED_OUT ? rendered.response : rendered;
    },
    refreshRecent,
    /**
     * A change was announced: the sweep (`refreshRecent`) starts after `delayMs`, once every
     * announcement of the same commit (one per table it changed) has arrived.
     */
    changed(delayMs = 10): void {
      sweepDue ??= setTimeout(() => {
        sweepDue = undefined;
        void refreshRecent();
      }, delayMs);
    },
    size: () => entries.size,
    bytes: () => bytes,
  };
}
