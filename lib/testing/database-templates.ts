import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../db/client";
import { executeRows } from "../db/execute-rows";
import { migrate } from "../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, empty PGlite cluster (dumpDataDir), loaded by each fresh test database. */
    pgliteTemplatePath: string;
    /** A migrated, empty PostgreSQL database that each fresh test database is copied from. */
    postgresTemplate: string | null;
  }
}

/** Changes whenever a migration or PGlite itself does: a template is never older than the schema. */
function schemaFingerprint(): string {
  const hash = createHash("sha256");
  const folder = path.resolve("drizzle");
  for (const file of readdirSync(folder, { recursive: true }).map(String).sort()) {
    const full = path.join(folder, file);
    if (file.endsWith(".sql") || file.endsWith(".json"))
      hash.update(file).update(readFileSync(full));
  }
  const pglite = path.resolve("node_modules/@electric-sql/pglite/package.json");
  hash.update(readFileSync(pglite));
  return hash.digest("hex").slice(0, 16);
}

async function pgliteTemplate(fingerprint: string): Promise<string> {
  const file = path.join(tmpdir(), `herald-test-pglite-${fingerprint}.tar`);
  if (existsSync(file)) return file;
  const handle = await openPglite();
  await migrate(handle);
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  await handle.close();
  // Written aside, then renamed: a concurrent run never reads half a template.
  const partial = `${file}.${randomBytes(4).toString("hex")}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return file;
}

async function postgresTemplate(url: string, fingerprint: string): Promise<string> {
  const name = `herald_template_${fingerprint}`;
  const admin = await openPostgres(url, { max: 1 });
  try {
    const exists = await executeRows(
      admin.db,
      sql`select 1 from pg_database where datname = ${name}`,
    );
    if (exists.length > 0) return name;
    // Migrated under another name, then renamed: a concurrent run never copies half a template.
    const building = `${name}_${randomBytes(4).toString("hex")}`;
    await admin.db.execute(sql.raw(`create database ${building}`));
    const target = new URL(url);
    target.pathname = `/${building}`;
    const handle = await openPostgres(target.toString(), { max: 1 });
    await migrate(handle);
    await handle.close();
    try {
      await admin.db.execute(sql.raw(`alter database ${building} rename to ${name}`));
    } catch {
      await admin.db.execute(sql.raw(`drop database if exists ${building} with (force)`));
    }
    return name;
  } finally {
    await admin.close();
  }
}

/**
 * Vitest global setup: migrates one template per engine per schema, once, so
 * each test database is a copy (about 1 s for PGlite and 0.1 s for PostgreSQL,
 * against 4 s and 0.8 s to migrate from scratch).
 */
export default async function setup(project: TestProject): Promise<void> {
  const fingerprint = schemaFingerprint();
  project.provide("pgliteTemplatePath", await pgliteTemplate(fingerprint));
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  project.provide("postgresTemplate", url ? await postgresTemplate(url, fingerprint) : null);
}
