import path from "node:path";
import { mkdirSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Config } from "../config";
import { lockDataDir } from "./data-dir-lock";
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
  /** LISTEN on a channel; see Subscription. Resolves once first subscribed; the result stops listening. */
  listen: (channel: string, subscription: Subscription) => Promise<() => Promise<void>>;
  /** Runs a raw query; used by health checks and tests. */
  ping: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * What a listener hears: each notification, and whether it is subscribed at all.
 * A PostgreSQL connection can drop (database restart, network): notifications
 * sent meanwhile are lost, so a listener must know when it is deaf (`onDown`)
 * and when it hears again (`onUp`, also called on first subscribing).
 */
export type Subscription = {
  onMessage: (payload: string) => void;
  onUp?: () => void;
  onDown?: () => void;
};

const casing = "snake_case" as const;
/** How often a dropped LISTEN connection tries to come back. */
const RELISTEN_MS = 1000;

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
    listen: (channel, subscription) => listenOnPostgres(url, channel, subscription),
    ping: async () => {
      await client`select 1`;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * A dedicated connection for LISTEN (postgres-js's own `listen` re-subscribes
 * once after a drop and gives up silently if that fails): this one reports the
 * drop and retries every second until subscribed again.
 */
async function listenOnPostgres(url: string, channel: string, subscription: Subscription) {
  const { default: postgres } = await import("postgres");
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const client = postgres(url, {
    max: 1,
    max_lifetime: null,
    fetch_types: false,
    connect_timeout: 5,
    onnotice: () => {},
    // Documented only through its type in connection.js: called for each NotificationResponse.
    ...({
      onnotify: (ch: string, payload: string) => ch === channel && subscription.onMessage(payload),
    } as object),
    onclose: () => {
      if (stopped) return;
      subscription.onDown?.();
      scheduleRetry();
    },
  });
  const subscribe = () => client.unsafe(`listen "${channel.replace(/"/g, '""')}"`);
  function scheduleRetry() {
    clearTimeout(retry);
    retry = setTimeout(() => {
      if (stopped) return;
      subscribe().then(
        () => subscription.onUp?.(),
        () => scheduleRetry(),
      );
    }, RELISTEN_MS);
    retry.unref();
  }
  await subscribe();
  subscription.onUp?.();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client.end({ timeout: 1 });
  };
}

/** Opens embedded PGlite; dataDir undefined means in-memory (tests). */
export async function openPglite(
  dataDir?: string,
  { template }: { template?: Blob } = {},
): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const startParams = [
    ...PGlite.defaultStartParams,
    ...PGLITE_MEMORY_SETTINGS.flatMap((setting) => ["-c", setting]),
  ];
  if (dataDir) mkdirSync(path.resolve(dataDir), { recursive: true });
  // Before PGlite touches the directory: a second process must leave it exactly as it was.
  const unlock = dataDir ? lockDataDir(path.resolve(dataDir)) : () => {};
  const pgDir = dataDir && path.resolve(dataDir, "pg");
  const client = await (
    pgDir
      ? PGlite.create(pgDir, { startParams, loadDataDir: pgliteTemplateFor(pgDir) })
      : PGlite.create({ startParams, loadDataDir: template })
  ).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const db = drizzle(client, { schema, casing }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    // In-process: notifications of committed transactions reach listeners of the same instance; never dropped.
    listen: async (channel, { onMessage, onUp }) => {
      const unlisten = await client.listen(channel, onMessage);
      onUp?.();
      return () => unlisten();
    },
    ping: async () => {
      await client.query("select 1");
    },
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite under HERALD_DATA_DIR. */
export function openConfigured(
  c: Pick<Config, "DATABASE_URL" | "HERALD_DATA_DIR">,
): Promise<DbHandle> {
  return c.DATABASE_URL ? openPostgres(c.DATABASE_URL) : openPglite(c.HERALD_DATA_DIR);
}
