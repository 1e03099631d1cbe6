/**
 * `npm run serve`: serve the current production build (no build step; `npm start` adds one).
 * Migrations, the demo seed and the in-process worker start inside the server (instrumentation.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { configOrExit } from "./config-or-exit";

(process.env as Record<string, string>).NODE_ENV = "production";
const { PORT: port, HOST: host, DATABASE_URL, HERALD_DATA_DIR } = configOrExit();

// A second server on the same PGlite directory would lose data: exit before listening.
if (!DATABASE_URL) {
  const { assertDataDirFree } = await import("../lib/db/data-dir-lock");
  try {
    assertDataDirFree(path.resolve(HERALD_DATA_DIR));
  } catch (error) {
    console.error(`[herald] ${(error as Error).message}`);
    process.exit(1);
  }
}

// The configuration `next build` resolved, as Next's own standalone server passes it: otherwise Next
// compiles next.config.ts again at every start, loading its native compiler into the server's memory.
const distDir = process.env.NEXT_DIST_DIR || ".next";
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(
  (
    JSON.parse(readFileSync(path.join(distDir, "required-server-files.json"), "utf8")) as {
      config: unknown;
    }
  ).config,
);
// Imported only now: React and Next choose their production builds from NODE_ENV as they load.
const { startHeraldServer } = await import("../lib/front/herald-server");
const { warmMs } = await startHeraldServer({
  port,
  host,
  // Compiled beside this file (scripts/build-server.mjs).
  frontThread: new URL("./front-thread.mjs", import.meta.url),
}).catch((error: Error) => {
  // Next keeps the process alive after an uncaught error; a server that cannot listen must exit.
  console.error(`[herald] cannot serve on port ${port}: ${error.message}`);
  process.exit(1);
});
// The large-page bench reads the warm-up time from this line (scripts/bench/bench-server.ts).
console.log(
  `[herald] listening on ${host ?? "every interface"}, port ${port} (status page rendered in ${warmMs} ms before opening it)`,
);
// Nothing to drain: outbox rows are committed before any send, and an interrupted send is retried after the lease.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
