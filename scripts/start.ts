/**
 * `npm start`: validate configuration, build when the build is missing or older
 * than the source, then serve. Migrations and the demo seed run inside the
 * server process at start-up (instrumentation.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigError, parseConfig } from "../lib/config";

const SOURCES = ["app", "components", "lib", "emails", "drizzle", "auth.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), s.mtimeMs);
}

function buildIsStale(): boolean {
  const buildId = ".next/BUILD_ID";
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > builtAt);
}

let port: number;
try {
  port = parseConfig(process.env).PORT;
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const nextBin = path.join("node_modules", ".bin", "next");
if (buildIsStale()) {
  console.log("[herald] building (first start or source changed)…");
  const build = spawnSync(nextBin, ["build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(nextBin, ["start", "-p", String(port)], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
