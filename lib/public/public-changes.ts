import { getTableName, type Table } from "drizzle-orm";
import type { DbHandle } from "../db/client";
import {
  componentGroups,
  components,
  componentStatusEvents,
  incidentComponents,
  incidents,
  incidentUpdateComponents,
  incidentUpdates,
  maintenanceComponents,
  maintenances,
  maintenanceUpdates,
  pageSettings,
  postmortemActionItems,
  postmortems,
  upstreamComponents,
  upstreamPages,
} from "../db/schema";
import { invalidatePublicCache } from "./public-cache";

/** The channel the database announces public changes on (drizzle/0006_public_change_notify.sql). */
export const PUBLIC_CHANGES_CHANNEL = "herald_public_changes";

/**
 * Every table a public surface reads. Each carries statement triggers that
 * `pg_notify` on commit of any statement that changed a row, so every writer
 * (web request, standalone worker, script, psql) refreshes every instance
 * without doing anything. A new public table joins this list and the triggers
 * (public-changes.test.ts fails until both agree). Uptime rollups are not in
 * it: they are derived from status events, whose own changes are announced.
 */
export const PUBLIC_TABLES: string[] = (
  [
    pageSettings,
    componentGroups,
    components,
    componentStatusEvents,
    incidents,
    incidentComponents,
    incidentUpdates,
    incidentUpdateComponents,
    maintenances,
    maintenanceComponents,
    maintenanceUpdates,
    postmortems,
    postmortemActionItems,
    upstreamPages,
    upstreamComponents,
  ] as Table[]
).map((t) => getTableName(t));

/** While deaf to the database (LISTEN dropped), the cache is trusted this long at most. */
const DEAF_REFRESH_MS = 1000;

/**
 * Keeps this process's public cache true to the database: each announcement
 * invalidates it. While the LISTEN connection is down, changes could go unheard,
 * so the cache is treated as stale (invalidated every second) until the
 * connection is back; re-subscribing invalidates once more for what was missed.
 */
export async function followPublicChanges(handle: Pick<DbHandle, "listen">): Promise<{
  stop: () => Promise<void>;
  /** False while the LISTEN connection is down. */
  hearing: () => boolean;
}> {
  let deaf: NodeJS.Timeout | undefined;
  const hearing = () => {
    clearInterval(deaf);
    deaf = undefined;
    invalidatePublicCache();
  };
  const stop = await handle.listen(PUBLIC_CHANGES_CHANNEL, {
    onMessage: () => invalidatePublicCache(),
    onUp: hearing,
    onDown: () => {
      if (deaf) return;
      console.error("[herald] lost the public-change listener; re-reading every second until back");
      invalidatePublicCache();
      deaf = setInterval(invalidatePublicCache, DEAF_REFRESH_MS);
      deaf.unref();
    },
  });
  return {
    stop: async () => {
      clearInterval(deaf);
      await stop();
    },
    hearing: () => deaf === undefined,
  };
}
