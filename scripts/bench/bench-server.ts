import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { loadUserActor } from "../../lib/auth/load-actor";
import { parseConfig } from "../../lib/config";
import { openConfigured } from "../../lib/db/client";
import { prepareDatabase } from "../../lib/db/prepare";
import { users } from "../../lib/db/schema";
import { processTree } from "./process-tree-rss";
import { pinnedToServerCpu } from "./wrk";

const OWNER = { email: "bench-owner@herald.test", password: "bench owner password" };

async function waitForHealth(base: string, child: ChildProcess, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (
    !(await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > until || child.exitCode !== null)
      throw new Error(`Herald did not start at ${base}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * The production server (`npm run serve`) on loopback with the demo data, and
 * a write API key for the publish-to-visible probe. The database is prepared
 * and the key minted before the server starts: a PGlite directory admits one
 * process at a time. BENCH_DATABASE_URL runs it on PostgreSQL instead.
 */
export async function startBenchServer(port: number, { verbose = false } = {}) {
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "herald-bench-"));
  const env = {
    HERALD_DATA_DIR: dataDir,
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? "",
    HERALD_SEED: "on",
    HERALD_URL: base,
    HERALD_ADMIN_EMAIL: OWNER.email,
    HERALD_ADMIN_PASSWORD: OWNER.password,
  };
  const config = parseConfig({ ...process.env, ...env });
  const handle = await openConfigured(config);
  let apiKey: string;
  try {
    await prepareDatabase(handle, config, () => {});
    const [owner] = await handle.db.select().from(users).where(eq(users.email, OWNER.email));
    const actor = await loadUserActor(handle.db, {
      userId: owner!.id,
      sessionVersion: owner!.sessionVersion,
    });
    ({ key: apiKey } = await createApiKey({
      ctx: { actor, db: handle.db },
      input: { name: "bench", scope: "write" },
    }));
  } finally {
    await handle.close();
  }

  // `npm run serve` as an operator runs it (same node flags), on the servers' CPU; its own
  // process group, so that stopping it stops npm and node together.
  const [bin, ...args] = pinnedToServerCpu(["npm", "run", "serve"]);
  const child = spawn(bin!, args, {
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", verbose ? "inherit" : "ignore"],
    detached: true,
  });
  // Read always (a full pipe would stall the server's logging); echoed when verbose.
  let warmMs: number | null = null;
  child.stdout!.setEncoding("utf8").on("data", (text: string) => {
    if (verbose) process.stdout.write(text);
    const warm = /status page rendered in (\d+) ms before opening/.exec(text);
    if (warm) warmMs = Number(warm[1]);
  });
  await waitForHealth(base, child);
  return {
    base,
    apiKey,
    pid: child.pid!,
    /** The processes `npm run serve` runs (npm, its shell, node). */
    pids: () => processTree(child.pid!).map((m) => m.pid),
    /** How long the server rendered `/` before opening its port (its start-up log line). */
    warmMs: () => warmMs,
    stop() {
      process.kill(-child.pid!, "SIGTERM");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
