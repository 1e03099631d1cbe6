/**
 * `npm start`: build when the build is missing or older than the source, then
 * serve it (scripts/serve.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { configOrExit } from "./config-or-exit";

const SOURCES = [
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

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce(
    (max, name) => Math.max(max, newestMtime(path.join(p, name))),
    s.mtimeMs,
  );
}

function buildIsStale(): boolean {
  const buildId = path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > builtAt);
}

// A bad configuration is reported before a build that would take minutes.
configOrExit();
const nextBin = path.join("node_modules", ".bin", "next");
if (buildIsStale()) {
  console.log("[herald] building (first start or source changed)…");
  const build = spawnSync(nextBin, ["build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import("./serve");
