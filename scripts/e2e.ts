/**
 * `npm run test:e2e`: build, give each server a fresh database (PGlite in a
 * temp directory; a throwaway PostgreSQL database when TEST_DATABASE_URL is
 * set), run Playwright, clean up.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import postgres from "postgres";

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(cmd, args, { stdio: "inherit", env }).status ?? 1;

// `npm run build`: the Next build and the compiled server the specs run (dist/serve.mjs).
if (
  process.env.E2E_SKIP_BUILD !== "1" &&
  (run("node_modules/.bin/next", ["build"]) !== 0 ||
    run(process.execPath, ["scripts/build-server.mjs"]) !== 0)
)
  process.exit(1);

const dataDir = mkdtempSync(path.join(tmpdir(), "herald-e2e-"));
const pgUrl = process.env.TEST_DATABASE_URL;
const dbName = `herald_e2e_${randomBytes(5).toString("hex")}`;
let e2ePostgresUrl: string | undefined;
if (pgUrl) {
  const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${dbName}`;
  e2ePostgresUrl = url.toString();
}

// The servers must not inherit the developer's own database settings.
const { DATABASE_URL: _db, HERALD_DATA_DIR: _dir, ...env } = process.env;
const status = run("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)], {
  ...env,
  E2E_DATA_DIR: dataDir,
  ...(e2ePostgresUrl ? { E2E_POSTGRES_URL: e2ePostgresUrl } : {}),
});

rmSync(dataDir, { recursive: true, force: true });
if (pgUrl) {
  const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
process.exit(status);
