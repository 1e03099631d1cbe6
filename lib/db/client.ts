import path from "node:path";
import { mkdirSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Config } from "../config";
import { PGLITE_MEMORY_SETTINGS, pgliteTemplateFor } from "./pglite-memory";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Either engine: PGlite and postgres-js share drizzle's pg-core API. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = "pglite" | "postgres";

export type DbHandle = {
  db: Db;
  engine: Engine;
  /** PostgreSQL connection string (postgres engine only). */
  url?: string;
  /** PostgreSQL LISTEN/NOTIFY (postgres engine only; PGlite is one process and needs none). */
  pubsub?: {
    listen: (channel: string, onMessage: (payload: string) => void) => Promise<void>;
    notify: (channel: string, payload: string) => Promise<void>;
  };
  /** Runs a raw query; used by health checks and tests. */
  ping: () => Promise<void>;
  close: () => Promise<void>;
};

const casing = "snake_case" as const;

/** Opens PostgreSQL through the `postgres` driver. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {}, connect_timeout: 5 });
  const db = drizzle(client, { schema, casing }) as unknown as Db;
  return {
    db,
    engine: "postgres",
    url,
    pubsub: {
      listen: async (channel, onMessage) => {
        await client.listen(channel, onMessage);
      },
      notify: async (channel, payload) => {
        await client.notify(channel, payload);
      },
    },
    ping: async () => {
      await client`select 1`;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** Opens embedded PGlite; dataDir undefined means in-memory (tests). */
export async function openPglite(dataDir?: string): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const startParams = [
    ...PGlite.defaultStartParams,
    ...PGLITE_MEMORY_SETTINGS.flatMap((setting) => ["-c", setting]),
  ];
  let client;
  if (dataDir) {
    mkdirSync(path.resolve(dataDir), { recursive: true });
    const pgDir = path.resolve(dataDir, "pg");
    client = await PGlite.create(pgDir, { startParams, loadDataDir: pgliteTemplateFor(pgDir) });
  } else client = await PGlite.create({ startParams });
  const db = drizzle(client, { schema, casing }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    ping: async () => {
      await client.query("select 1");
    },
    close: () => client.close(),
  };
}

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite under HERALD_DATA_DIR. */
export function openConfigured(
  c: Pick<Config, "DATABASE_URL" | "HERALD_DATA_DIR">,
): Promise<DbHandle> {
  return c.DATABASE_URL ? openPostgres(c.DATABASE_URL) : openPglite(c.HERALD_DATA_DIR);
}
