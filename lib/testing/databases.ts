import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { openPglite, openPostgres, type Db, type DbHandle, type Engine } from "../db/client";
import { migrate } from "../db/migrate";

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL (or DATABASE_URL) is set. */
const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
export const TEST_ENGINES: Engine[] = postgresUrl ? ["pglite", "postgres"] : ["pglite"];

export type TestDatabase = DbHandle & { dispose: () => Promise<void> };

/** The migrated templates made once per run (database-templates.ts); outside vitest, none. */
function provided<K extends "pgliteTemplatePath" | "postgresTemplate">(key: K) {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}
let pgliteTemplate: Blob | undefined;

/** A new, migrated, empty database: in-memory PGlite, or a throwaway PostgreSQL database. */
export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "pglite") {
    const templatePath = provided("pgliteTemplatePath");
    if (templatePath) pgliteTemplate ??= new Blob([readFileSync(templatePath)]);
    const handle = await openPglite(undefined, { template: pgliteTemplate });
    if (!pgliteTemplate) await migrate(handle);
    return { ...handle, dispose: handle.close };
  }
  const name = `herald_test_${randomBytes(6).toString("hex")}`;
  const admin = await openPostgres(postgresUrl!, { max: 1 });
  const template = provided("postgresTemplate");
  await admin.db.execute(
    sql.raw(`create database ${name}${template ? ` template ${template}` : ""}`),
  );
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { max: 4 });
  if (!template) await migrate(handle);
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

/**
 * Runs a suite once per engine, each on its own fresh database.
 * Tests mint the data they need; `db()` is valid inside tests and hooks.
 */
export function describeEachEngine(
  name: string,
  suite: (t: { db: () => Db; handle: () => TestDatabase; engine: Engine }) => void,
) {
  for (const engine of TEST_ENGINES) {
    describe(`${name} [${engine}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await freshDatabase(engine);
      });
      afterAll(async () => {
        await database?.dispose();
      });
      suite({ db: () => database!.db, handle: () => database!, engine });
    });
  }
}
