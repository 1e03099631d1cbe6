import path from "node:path";
import type { DbHandle } from "./client";

const migrationsFolder = path.resolve(process.cwd(), "drizzle");
/** Arbitrary constant: serializes migrations when several instances start at once. */
const MIGRATION_LOCK = 7_212_025;

/** Applies the committed SQL migrations under drizzle/ (same files on both engines). */
export async function migrate(handle: DbHandle): Promise<void> {
  if (handle.engine === "pglite") {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    // PGlite is single-process; no lock needed.
    await run(handle.db as never, { migrationsFolder });
    return;
  }
  // A session advisory lock needs one connection for lock, migrate and unlock.
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate: run } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(handle.url!, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await run(drizzle(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
