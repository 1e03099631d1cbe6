import { sql } from "drizzle-orm";
import type { Db } from "./client";

/**
 * Whether the database answered recently. Public pages are served from cache
 * and would not otherwise notice an outage; this lets them say "may be out of
 * date". At most one probe per interval, run in the background so a request
 * never waits on a dead database (only the very first call waits).
 */
const INTERVAL_MS = 3000;
const PROBE_TIMEOUT_MS = 1500;

const state = ((
  globalThis as unknown as {
    __heraldLiveness?: {
      live: boolean;
      checkedAt: number;
      probing: Promise<void> | null;
      listeners: Set<(live: boolean) => void>;
    };
  }
).__heraldLiveness ??= {
  live: true,
  checkedAt: 0,
  probing: null,
  listeners: new Set(),
});

async function probe(getDb: () => Promise<Db>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>(
    (resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)),
  );
  const ping = getDb()
    .then((db) => db.execute(sql`select 1`))
    .then(
      () => true,
      () => false,
    );
  const live = await Promise.race([ping, timeout]);
  clearTimeout(timer);
  return live;
}

export async function databaseLive(getDb: () => Promise<Db>): Promise<boolean> {
  if (Date.now() - state.checkedAt > INTERVAL_MS && !state.probing) {
    const first = state.checkedAt === 0;
    state.probing = probe(getDb)
      .then((live) => {
        const changed = live !== state.live;
        state.live = live;
        state.checkedAt = Date.now();
        if (!changed) return;
        // An operator reading the log sees when public pages started and stopped saying "may be out of date".
        console.error(`[herald] database ${live ? "reachable again" : "unreachable"}`);
        for (const listener of state.listeners) listener(live);
      })
      .finally(() => {
        state.probing = null;
      });
    if (first) await state.probing;
  }
  return state.live;
}

/** The last probe's answer, without probing (for the proxy's ETag: a page's staleness is part of its content). */
export function lastKnownLive(): boolean {
  return state.live;
}

/** Hears each change of the answer (the front thread reads a mirror of it). */
export function onLivenessChanged(listener: (live: boolean) => void): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/**
 * Keeps the answer current in a server process even when no request reaches
 * the database: the front cache serves pages from memory, and must still learn
 * of an outage (to serve them marked "may be out of date") and of the recovery.
 */
export function watchDatabaseLiveness(getDb: () => Promise<Db>): () => void {
  const timer = setInterval(() => void databaseLive(getDb), INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
