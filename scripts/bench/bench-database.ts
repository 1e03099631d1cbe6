import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { openPostgres, type DbHandle } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";

export const DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export type BenchDatabase = DbHandle & { url: string; name: string; dispose: () => Promise<void> };

/**
 * A throwaway PostgreSQL database (migrated unless asked for an empty one) beside `baseUrl`'s. Like the test
 * suite's freshDatabase, but without vitest: benches run as plain scripts.
 * `dispose` drops it `with (force)`, so a worker process still connected (or
 * killed mid-query) cannot keep it alive.
 */
export async function createBenchDatabase(
  baseUrl: string,
  { migrated = true }: { migrated?: boolean } = {},
): Promise<BenchDatabase> {
  const name = `herald_bench_${randomBytes(6).toString("hex")}`;
  const admin = await openPostgres(baseUrl, { max: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  let handle: DbHandle | undefined;
  const dispose = async () => {
    await handle?.close();
    await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
    await admin.close();
  };
  try {
    handle = await openPostgres(url.toString(), { max: 4 });
    if (migrated) await migrate(handle);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { ...handle, url: url.toString(), name, dispose };
}
