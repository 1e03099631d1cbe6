/**
 * The production entry points compiled to plain JavaScript in dist/, so
 * production runs `node` with no TypeScript loader in memory. Packages stay in
 * node_modules (not bundled): Next, React and PGlite locate their own files at
 * run time.
 *   node scripts/build-server.mjs             (part of `npm run build`)
 *   node scripts/build-server.mjs --if-stale  (only when dist/ is missing or older than its sources)
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

export const SERVER_OUT_DIR = "dist";
/** config-or-exit lets `npm start` check the configuration before a long Next build. */
const ENTRIES = ["serve", "front-thread", "worker", "db-migrate", "db-seed", "config-or-exit"];
const SOURCES = ["lib", "scripts", "package-lock.json"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce(
    (max, name) => Math.max(max, newestMtime(path.join(p, name))),
    s.mtimeMs,
  );
}

/** Whether `builtFile` is missing or older than any file under `sources`. */
export function staleAgainst(builtFile, sources) {
  if (!existsSync(builtFile)) return true;
  const builtAt = statSync(builtFile).mtimeMs;
  return sources.some((s) => newestMtime(s) > builtAt);
}

async function buildServer() {
  // Imported here: `npm start` reads staleAgainst without loading esbuild.
  const { build } = await import("esbuild");
  // Chunk names carry a content hash: a fresh directory holds no chunk of an older build.
  rmSync(SERVER_OUT_DIR, { recursive: true, force: true });
  await build({
    entryPoints: ENTRIES.map((name) => `scripts/${name}.ts`),
    outdir: SERVER_OUT_DIR,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // One copy of the shared lib/ code for every entry point.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
  // Kept in step with lib/db/pglite-memory.ts (PGLITE_TEMPLATE_PATH).
  const template = path.join(SERVER_OUT_DIR, "pglite-template.tar.gz");
  const { status } = spawnSync(process.execPath, ["scripts/pglite-template.mjs", template], {
    stdio: "inherit",
  });
  if (status !== 0) throw new Error("could not make the PGlite template");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ifStale = process.argv.includes("--if-stale");
  if (!ifStale || staleAgainst(path.join(SERVER_OUT_DIR, "serve.mjs"), SOURCES))
    await buildServer();
}
