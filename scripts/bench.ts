/**
 * `npm run bench`: production server on loopback, load from autocannon.
 * Prints a table and writes bench-results/latest.json. Not part of `npm test`.
 *   BENCH_SKIP_BUILD=1    reuse the current build
 *   BENCH_DURATION=10     seconds per run
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const PORT = 3900;
const BASE = `http://127.0.0.1:${PORT}`;
const URLS = (process.env.BENCH_URLS ?? "/,/api/v2/summary.json,/badge.svg,/history.atom").split(",");
const CONNECTIONS = [50, 200];

type Row = { target: string; connections: number; rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function load(url: string, connections: number): Promise<Row> {
  const r = await autocannon({ url, connections, duration: DURATION, pipelining: 1 });
  return { target: url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ""), connections, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

async function waitForHealth(url: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not healthy at ${url}`);
}

/** Bytes a first visit to `/` transfers (HTML, CSS, JS), gzip-compressed as a CDN would serve them. */
async function pageWeight(): Promise<number> {
  const html = await (await fetch(`${BASE}/`)).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const bodies = await Promise.all([...new Set(assets)].map(async (a) => Buffer.from(await (await fetch(`${BASE}${a}`)).arrayBuffer())));
  return [Buffer.from(html), ...bodies].reduce((sum, b) => sum + gzipSync(b).length, 0);
}

/** A minimal Node static server sending the same `/` bytes: the ceiling to compare with. */
async function staticBaseline(bytes: Buffer): Promise<Row> {
  const server = createServer((_, res) => res.writeHead(200, { "Content-Type": "text/html", "Content-Length": bytes.length }).end(bytes));
  await new Promise<void>((r) => server.listen(PORT + 1, "127.0.0.1", r));
  try {
    return { ...(await load(`http://127.0.0.1:${PORT + 1}/`, 200)), target: "static copy of /" };
  } finally {
    server.close();
  }
}

let server: ChildProcess | undefined;
const dataDir = mkdtempSync(path.join(tmpdir(), "herald-bench-"));
try {
  if (process.env.BENCH_SKIP_BUILD !== "1" && spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit" }).status !== 0) process.exit(1);
  server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", HERALD_DATA_DIR: dataDir, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? "", HERALD_SEED: "on", HERALD_URL: BASE },
    stdio: process.env.BENCH_VERBOSE ? "inherit" : "ignore",
  });
  await waitForHealth(`${BASE}/api/health`);
  for (const u of URLS) await fetch(`${BASE}${u}`); // warm caches

  const rows: Row[] = [];
  for (const u of URLS) for (const c of CONNECTIONS) rows.push(await load(`${BASE}${u}`, c));
  const home = Buffer.from(await (await fetch(`${BASE}/`)).arrayBuffer());
  const baseline = await staticBaseline(home);
  rows.push(baseline);
  const weight = await pageWeight();

  console.table(rows.map((r) => ({ ...r, "% of static": r.connections === 200 && r.target !== baseline.target ? `${((r.rps / baseline.rps) * 100).toFixed(1)}%` : "" })));
  console.log(`First visit to / (HTML+CSS+JS, gzip): ${(weight / 1024).toFixed(1)} KB`);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/latest.json", JSON.stringify({ at: new Date().toISOString(), durationSeconds: DURATION, rows, pageWeightGzipBytes: weight }, null, 2));
  console.log("Wrote bench-results/latest.json");
} finally {
  server?.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}
