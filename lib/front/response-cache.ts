import type { StoredResponse } from "./stored-response";

/**
 * What a stored response depends on besides its URL: the public cache's
 * version (bumped by every publish, on every instance) and whether the
 * database answered (a page says "may be out of date" when it did not).
 */
export type PublicState = { version: number; live: boolean };

type Entry = { state: PublicState; renderedAt: number; response: StoredResponse };

type Options = {
  state: () => PublicState;
  /** Renders `key` afresh; null when the answer must not be shared (an error, a redirect). */
  render: (key: string, state: PublicState) => Promise<StoredResponse | null>;
  /** Content that drifts with the clock (today's uptime, "in progress") is refreshed this often, in the background. */
  refreshAfterMs?: number;
  maxEntries?: number;
  now?: () => number;
};

const sameState = (a: PublicState, b: PublicState) => a.version === b.version && a.live === b.live;

/**
 * Rendered public responses in memory, in front of the renderer. A publish
 * makes every entry invalid at once (the next request waits for one fresh
 * render, shared by every concurrent request); age alone only triggers a
 * background refresh, so the clock never makes a visitor wait. Bounded, least
 * recently used first out.
 */
export function createResponseCache({
  state,
  render,
  refreshAfterMs = 30_000,
  maxEntries = 300,
  now = Date.now,
}: Options) {
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<StoredResponse | null>>();

  function remember(key: string, entry: Entry): void {
    const current = entries.get(key);
    // A render that started before a later one finished must not replace it.
    if (current && current.state.version > entry.state.version) return;
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  }

  function refresh(key: string, at: PublicState): Promise<StoredResponse | null> {
    const flightKey = `${at.version}:${at.live}:${key}`;
    let flight = inflight.get(flightKey);
    if (!flight) {
      const renderedAt = now();
      flight = render(key, at)
        .then((response) => {
          if (response) remember(key, { state: at, renderedAt, response });
          return response;
        })
        .catch(() => null)
        .finally(() => inflight.delete(flightKey));
      inflight.set(flightKey, flight);
    }
    return flight;
  }

  return {
    async get(key: string): Promise<StoredResponse | null> {
      const current = state();
      const entry = entries.get(key);
      if (!entry || !sameState(entry.state, current)) return refresh(key, current);
      entries.delete(key);
      entries.set(key, entry);
      if (now() - entry.renderedAt > refreshAfterMs) void refresh(key, current);
      return entry.response;
    },
    size: () => entries.size,
  };
}
