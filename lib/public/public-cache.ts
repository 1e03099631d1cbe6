/**
 * In-process cache of public read models (status snapshot, history months,
 * incident pages, feeds, API payloads). Nobody invalidates it by hand: the
 * database announces every committed change to a public table (triggers, see
 * public-changes.ts), and each process's listener calls invalidatePublicCache();
 * the next read reloads. If a reload fails (database down), the last good value
 * is served flagged `stale`, so public surfaces keep working instead of failing.
 */
type Entry = { value: unknown; version: number; loadedAt: number };
type Inflight = { version: number; promise: Promise<unknown> };

/** After a failed reload, serve stale values this long before trying the database again. */
const RETRY_AFTER_FAILURE_MS = 2000;
/** Keys are bounded by what exists (months, records), but never trust that: oldest out first. */
const MAX_ENTRIES = 2000;

const holder = globalThis as unknown as {
  __heraldPublicCache?: {
    version: number;
    entries: Map<string, Entry>;
    inflight: Map<string, Inflight>;
    failedAt: Map<string, number>;
    listeners: Set<() => void>;
    staleAnswers: number;
    staleListeners: Set<(count: number) => void>;
  };
};
const cache = (holder.__heraldPublicCache ??= {
  version: 1,
  entries: new Map(),
  inflight: new Map(),
  failedAt: new Map(),
  listeners: new Set(),
  staleAnswers: 0,
  staleListeners: new Set(),
});

export type Cached<T> = { value: T; stale: boolean };

/**
 * Counts answers served from last-good values: a render that saw one is not a fresh copy. Kept on
 * the shared holder like everything here: the front server (dist/) and Next's pages (.next/) are
 * separate bundles, each with its own copy of this module. As a module variable, the front server
 * read its own count, always 0: a page rendered with "may be out of date" was kept as current
 * after the database came back, up to 30 s (the outage spec's rare failure).
 */
export const staleAnswerCount = () => cache.staleAnswers;

function countStaleAnswer(): void {
  cache.staleAnswers++;
  for (const listener of cache.staleListeners) listener(cache.staleAnswers);
}

/** Hears each stale answer, with the new count (the front thread reads a mirror of it). */
export function onStaleAnswer(listener: (count: number) => void): () => void {
  cache.staleListeners.add(listener);
  return () => cache.staleListeners.delete(listener);
}

/**
 * `maxAgeMs` bounds how long a value may live without a publish (for values that
 * change with time, like today's uptime); `keep` refuses values not worth a
 * slot (a not-found: anyone can ask for endless unknown ids).
 */
export async function publicCached<T>(
  key: string,
  load: () => Promise<T>,
  { maxAgeMs = Infinity, keep }: { maxAgeMs?: number; keep?: (value: T) => boolean } = {},
): Promise<Cached<T>> {
  const version = cache.version;
  const entry = cache.entries.get(key);
  if (entry?.version === version && Date.now() - entry.loadedAt < maxAgeMs)
    return { value: entry.value as T, stale: false };
  if (entry && Date.now() - (cache.failedAt.get(key) ?? 0) < RETRY_AFTER_FAILURE_MS) {
    countStaleAnswer();
    return { value: entry.value as T, stale: true };
  }
  // Concurrent readers of the same key share one load.
  let inflight = cache.inflight.get(key);
  if (!inflight || inflight.version !== version) {
    inflight = { version, promise: load() };
    cache.inflight.set(key, inflight);
  }
  try {
    const value = (await inflight.promise) as T;
    cache.failedAt.delete(key);
    // A publish during the load makes this value old already; keep it only if not.
    if (cache.version === version && (keep?.(value) ?? true)) {
      cache.entries.delete(key);
      cache.entries.set(key, { value, version, loadedAt: Date.now() });
      if (cache.entries.size > MAX_ENTRIES)
        cache.entries.delete(cache.entries.keys().next().value!);
    }
    return { value, stale: false };
  } catch (error) {
    if (!entry) throw error;
    cache.failedAt.set(key, Date.now());
    console.error(`[herald] serving last good ${key}: ${(error as Error).message}`);
    countStaleAnswer();
    return { value: entry.value as T, stale: true };
  } finally {
    if (cache.inflight.get(key) === inflight) cache.inflight.delete(key);
  }
}

/** Everything cached is out of date: called by the change listener (public-changes.ts), not by writers. */
export function invalidatePublicCache(): void {
  cache.version += 1;
  for (const listener of cache.listeners) listener();
}

/** Hears each invalidation (the front cache re-renders what readers are asking for at once). */
export function onPublicCacheInvalidated(listener: () => void): () => void {
  cache.listeners.add(listener);
  return () => cache.listeners.delete(listener);
}

/** Bumped by every invalidation: whatever was rendered under an older version is out of date. */
export function publicCacheVersion(): number {
  return cache.version;
}
