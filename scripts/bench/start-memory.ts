import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { processTree, treeRss } from "./process-tree-rss";

const MB = 1024 * 1024;

export type StartMemory = {
  engine: "pglite" | "postgres";
  /** Highest sum over the process tree, sampled every 100 ms from `npm start` to the end of warming. */
  peakMb: number;
  /** Right after every public page was served. */
  warmMb: number;
  /** After `idleSeconds` without a request. */
  idleMb: number;
  idleSeconds: number;
  processes: { command: string; mb: number }[];
};

type Statuspage = Record<string, { id: string }[] | undefined>;

/** Every public surface the demo data has: pages, Statuspage API, badges and feeds, per component too. */
async function publicUrls(base: string): Promise<string[]> {
  const ids = async (url: string, key: string) =>
    (((await (await fetch(`${base}${url}`)).json()) as Statuspage)[key] ?? []).map((x) => x.id);
  const [incidents, maintenances, components] = await Promise.all([
    ids("/api/v2/incidents.json", "incidents"),
    ids("/api/v2/scheduled-maintenances.json", "scheduled_maintenances"),
    ids("/api/v2/components.json", "components"),
  ]);
  return [
    ...["/", "/history", "/uptime", "/reliability", "/embed", "/subscribe"],
    ...incidents.flatMap((id) => [`/incidents/${id}`, `/incidents/${id}/postmortem`]),
    ...maintenances.map((id) => `/maintenance/${id}`),
    ...["summary", "status", "components", "incidents", "incidents/unresolved"].map(
      (name) => `/api/v2/${name}.json`,
    ),
    ...["scheduled-maintenances", "scheduled-maintenances/active"].map((n) => `/api/v2/${n}.json`),
    "/api/v2/scheduled-maintenances/upcoming.json",
    ...["/badge.svg", "/badge.json", "/history.atom", "/history.rss", "/herald-status.js"],
    ...components.flatMap((id) => [
      `/components/${id}/badge.svg`,
      `/components/${id}/history.atom`,
      `/components/${id}/history.rss`,
    ]),
  ];
}

/**
 * `npm start` exactly as an operator runs it (the build already made), first
 * start on an empty database with the demo seed: the resident memory of every
 * process it runs (npm, the shell, node), summed over the process tree. Linux
 * only (/proc).
 */
export async function measureStartMemory({
  port,
  databaseUrl,
  idleSeconds,
  log,
}: {
  port: number;
  /** An empty PostgreSQL database; PGlite in a fresh directory without it. */
  databaseUrl?: string;
  idleSeconds: number;
  log: (line: string) => void;
}): Promise<StartMemory> {
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "herald-memory-"));
  const child = spawn("npm", ["start"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl ?? "",
      HERALD_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      HERALD_URL: base,
      HERALD_SEED: "on",
      HERALD_ADMIN_EMAIL: "memory-owner@herald.test",
      HERALD_ADMIN_PASSWORD: "memory owner password",
    },
    stdio: "ignore",
    // Its own process group: stopped as a whole, whatever npm and the shell do with signals.
    detached: true,
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
  try {
    const until = Date.now() + 300_000;
    while (
      !(await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > until || child.exitCode !== null) throw new Error("npm start did not serve");
      await new Promise((r) => setTimeout(r, 250));
    }
    const urls = await publicUrls(base);
    // Twice: the second round is served by the front cache, as visitors are.
    for (let round = 0; round < 2; round++)
      for (const url of urls) {
        const response = await fetch(`${base}${url}`, { headers: { "accept-encoding": "br" } });
        await response.arrayBuffer();
      }
    const warm = treeRss(child.pid!);
    clearInterval(sampler);
    log(`warmed ${urls.length} public URLs; idle ${idleSeconds} s`);
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const members = processTree(child.pid!);
    return {
      engine: databaseUrl ? "postgres" : "pglite",
      peakMb: Math.round(Math.max(peak, warm) / MB),
      warmMb: Math.round(warm / MB),
      idleMb: Math.round(members.reduce((sum, m) => sum + m.rss, 0) / MB),
      idleSeconds,
      processes: members.map((m) => ({ command: m.command, mb: Math.round(m.rss / MB) })),
    };
  } finally {
    clearInterval(sampler);
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 1000));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
