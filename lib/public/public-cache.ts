/**
 * In-process cache of public read models (status snapshot, history months,
 * incident pages, feeds, API payloads). Every publish calls
 * invalidatePublicCache(); the next read reloads. If a reload fails (database
 * down), the last good value is served flagged `stale`, so public surfaces keep
 * working instead of failing.
 *
 * Per process: cross-instance invalidation (PostgreSQL LISTEN/NOTIFY) calls
 * invalidatePublicCache() on each instance.
 */
type Entry = { value: unknown; version: number; loadedAt: number };
type Inflight = { version: number; promise: Promise<unknown> };

/** After a failed reload, serve stale values this long before trying the database again. */
const RETRY_AFTER_FAILURE_MS = 2000;

const holder = globalThis as unknown as {
  __heraldPublicCache?: {
    version: number;
    entries: Map<string, Entry>;
    inflight: Map<string, Inflight>;
    failedAt: Map<string, number>;
    listeners: Set<() => void>;
  };
};
const cache = (holder.__heraldPublicCache ??= {
  version: 1,
  entries: new Map(),
  inflight: new Map(),
  failedAt: new Map(),
  listeners: new Set(),
});

export type Cached<T> = { value: T; stale: boolean };

/** `maxAgeMs` bounds how long a value may live without a publish (for values that change with time, like today's uptime). */
export async function publicCached<T>(
  key: string,
  load: () => Promise<T>,
  { maxAgeMs = Infinity }: { maxAgeMs?: number } = {},
): Promise<Cached<T>> {
  const version = cache.version;
  const entry = cache.entries.get(key);
  if (entry?.version === version && Date.now() - entry.loadedAt < maxAgeMs)
    return { value: entry.value as T, stale: false };
  if (entry && Date.now() - (cache.failedAt.get(key) ?? 0) < RETRY_AFTER_FAILURE_MS) {
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
    if (cache.version === version) cache.entries.set(key, { value, version, loadedAt: Date.now() });
    return { value, stale: false };
  } catch (error) {
    if (!entry) throw error;
    cache.failedAt.set(key, Date.now());
    console.error(`[herald] serving last good ${key}: ${(error as Error).message}`);
    return { value: entry.value as T, stale: true };
  } finally {
    if (cache.inflight.get(key) === inflight) cache.inflight.delete(key);
  }
}

/**
 * Call after any write that changes what the public sees. Cheap; safe to call
 * often. Listeners (e.g. the PostgreSQL NOTIFY bridge) hear local invalidations
 * only: one that arrived from another instance is not broadcast again.
 */
export function invalidatePublicCache({ fromOtherInstance = false } = {}): void {
  cache.version += 1;
  if (!fromOtherInstance) for (const listener of cache.listeners) listener();
}

/** Bumped by every invalidation: whatever was rendered under an older version is out of date. */
export function publicCacheVersion(): number {
  return cache.version;
}

export function onPublicCacheInvalidated(listener: () => void): () => void {
  cache.listeners.add(listener);
  return () => cache.listeners.delete(listener);
}

const bootId = ((globalThis as unknown as { __heraldBootId?: string }).__heraldBootId ??=
  Math.random().toString(36).slice(2, 8));

/**
 * A validator for public pages that changes on every publish, per process start
 * and each minute (relative times and today's uptime drift): lets the proxy
 * answer a revalidation with 304 without rendering anything.
 */
export function publicValidator(variant: string): string {
  return `W/"${bootId}-${cache.version}-${Math.floor(Date.now() / 60_000)}-${variant}"`;
}
