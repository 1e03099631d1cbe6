import { randomUUID } from "node:crypto";
import type { DbHandle } from "../db/client";
import { invalidatePublicCache, onPublicCacheInvalidated } from "./public-cache";

const CHANNEL = "herald_public_cache";

/**
 * Several Herald instances share one PostgreSQL: a publish on one must refresh
 * every instance's public cache. Each local invalidation is NOTIFYed; each
 * notification from another instance invalidates locally. PGlite: no-op.
 */
export async function bridgePublicCacheInvalidation(
  handle: DbHandle,
  instanceId: string = randomUUID(),
): Promise<() => void> {
  if (!handle.pubsub) return () => {};
  const { listen, notify } = handle.pubsub;
  await listen(CHANNEL, (payload) => {
    if (payload !== instanceId) invalidatePublicCache({ fromOtherInstance: true });
  });
  return onPublicCacheInvalidated(() => {
    notify(CHANNEL, instanceId).catch((error) =>
      console.error("[herald] cache invalidation NOTIFY failed:", (error as Error).message),
    );
  });
}
