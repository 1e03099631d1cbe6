import { config } from "../config";
import { openConfigured, type DbHandle } from "./client";

export type { Db, DbHandle } from "./client";

// Kept on globalThis so dev-mode module reloads reuse the one PGlite instance
// (a data directory can be opened by one instance only).
const holder = globalThis as unknown as { __heraldDb?: Promise<DbHandle> };

/** The process-wide database handle, opened on first use from the configuration. */
export function dbHandle(): Promise<DbHandle> {
  holder.__heraldDb ??= openConfigured(config());
  return holder.__heraldDb;
}

/**
 * Closes the process-wide handle and opens it again; later getDb() calls get the new one. For the
 * start only, before anything else holds the handle (see startServerProcess).
 */
export async function reopenDbHandle(): Promise<DbHandle> {
  const current = holder.__heraldDb;
  if (current) await (await current).close();
  holder.__heraldDb = openConfigured(config());
  return holder.__heraldDb;
}

export async function getDb() {
  return (await dbHandle()).db;
}
