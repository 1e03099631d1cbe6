/**
 * `npm start`: build when the build is missing or older than the source, then
 * serve it (dist/serve.mjs, compiled from scripts/serve.ts). Plain JavaScript,
 * run by `node` itself: no TypeScript loader stays in the server's memory.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { SERVER_OUT_DIR, staleAgainst } from "./build-server.mjs";

/** What the Next build is made from. */
const APP_SOURCES = [
  "app",
  "components",
  "lib",
  "emails",
  "drizzle",
  "auth.ts",
  "instrumentation.ts",
  "next.config.ts",
  "proxy.ts",
  "public",
  "package-lock.json",
];

const run = (command, args) => {
  const { status } = spawnSync(command, args, { stdio: "inherit" });
  if (status !== 0) process.exit(status ?? 1);
};

// Compiling the entry points takes a second, in a child process that exits (esbuild's service
// would otherwise stay in memory); first, so a bad configuration is reported before a long build.
run(process.execPath, ["scripts/build-server.mjs", "--if-stale"]);
const { configOrExit } = await import(`../${SERVER_OUT_DIR}/config-or-exit.mjs`);
configOrExit();

if (staleAgainst(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"), APP_SOURCES)) {
  console.log("[herald] building (first start or source changed)…");
  run(path.join("node_modules", ".bin", "next"), ["build"]);
}
// In this very process: a second parent process would only hold memory.
await import(`../${SERVER_OUT_DIR}/serve.mjs`);
