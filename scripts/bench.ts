/**
 * `npm run bench`: Herald's production server on loopback under load (SPEC §7),
 * and the memory `npm start` holds. Prints tables and writes
 * bench-results/latest.json. Not part of `npm test`.
 *   BENCH_SKIP_BUILD=1    reuse the current build
 *   BENCH_DURATION=10     seconds per load run (40 % of it per turn at 200 connections)
 *   BENCH_ROUNDS=5        turns Herald, the minimal Node server and nginx take at 200 connections
 *   BENCH_URLS=/,/badge.svg   which URLs to load (default: the four of SPEC §7)
 *   BENCH_PORT=3900       first of the four loopback ports the bench listens on
 *   BENCH_IDLE_SECONDS=60 idle time before the memory figure
 *   BENCH_SKIP_MEMORY=1   skip the `npm start` memory runs
 *   BENCH_SKIP_FANOUT=1   skip the notification fan-out and worker-kill soak (PostgreSQL)
 *   BENCH_DATABASE_URL    run the server (and the fan-out) on PostgreSQL
 *   BENCH_VERBOSE=1       show the server's output
 *   BENCH_LARGE=1         the large page instead (scripts/bench/large-page.ts; BENCH_LARGE_SCALE)
 * Load comes from wrk when installed (Debian: apt-get install wrk), pinned to
 * other CPUs than the servers (taskset); else from autocannon with worker
 * threads. nginx (apt-get install nginx-light), when installed, is a second baseline.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { startBenchServer } from "./bench/bench-server";
import { benchFanout } from "./bench/fanout";
import { fanoutTable } from "./bench/fanout-table";
import { compareWithBaselines, load, LOAD_TOOL, type LoadRow } from "./bench/http-load";
import { benchStartMemory, memoryTable } from "./bench/memory-runs";
import { measurePageWeight } from "./bench/page-weight";
import { measurePublishToVisible } from "./bench/publish-to-visible";
import { CPUS, hasCommand, OPEN_FIRST_MS, unpinTree } from "./bench/wrk";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const URLS = (process.env.BENCH_URLS ?? "/,/api/v2/summary.json,/badge.svg,/history.atom").split(
  ",",
);
/** Herald, the minimal Node server and nginx take turns at 200 connections this many times. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Turns in which 200 connections arrive at once (on the first URL only: it is the server's accept queue). */
const CONNECTING_ROUNDS = 3;
/** Seconds of each turn. */
const TURN = Math.max(1, Math.round(DURATION * 0.4));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const run = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: "inherit" }).status === 0;

// `npm run build`: the Next build and the compiled entry points.
if (
  process.env.BENCH_SKIP_BUILD !== "1" &&
  !(run("node_modules/.bin/next", ["build"]) && run(process.execPath, ["scripts/build-server.mjs"]))
)
  process.exit(1);
if (LOAD_TOOL !== "wrk")
  console.warn(
    "[bench] wrk is not installed (Debian: apt-get install wrk): autocannon may saturate before Herald does.",
  );
if (!hasCommand("nginx")) console.warn("[bench] nginx is not installed: no nginx baseline.");

if (process.env.BENCH_LARGE === "1") {
  const { benchLargePage } = await import("./bench/large-page");
  const large = await benchLargePage({ port: PORT, duration: DURATION });
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/large-page.json", JSON.stringify(large, null, 2));
  console.log("Wrote bench-results/large-page.json");
  process.exit(0);
}

const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  durationSeconds: DURATION,
  loadTool: LOAD_TOOL,
  cpus: CPUS,
};

const server = await startBenchServer(PORT, { verbose: Boolean(process.env.BENCH_VERBOSE) });
try {
  for (const u of URLS) await fetch(`${server.base}${u}`); // first renders
  const rows: (LoadRow & { "% of node"?: string; bytes?: number })[] = [];
  let connectingRows: LoadRow[] = [];
  for (const [i, u] of URLS.entries()) {
    const url = `${server.base}${u}`;
    const light = await load(url, 50, DURATION);
    const {
      rows: compared,
      connecting,
      bytes,
    } = await compareWithBaselines(url, {
      connections: 200,
      durationSeconds: TURN,
      rounds: ROUNDS,
      connectingRounds: i === 0 && LOAD_TOOL === "wrk" ? CONNECTING_ROUNDS : 0,
      port: PORT + 1,
    });
    if (connecting.length) connectingRows = connecting;
    for (const { ofNode, ...r } of [light, ...compared])
      rows.push({
        ...r,
        bytes,
        "% of node": ofNode === undefined ? "" : `${(ofNode * 100).toFixed(1)}%`,
      });
  }
  console.log(
    `\nThroughput (${LOAD_TOOL}${CPUS ? `, servers on CPU ${CPUS.server}, load on CPU ${CPUS.load}` : ""}; Accept-Encoding as a browser sends; node/nginx = the same bytes from a minimal server; ${LOAD_TOOL === "wrk" ? `connections open ${OPEN_FIRST_MS} ms before the requests start; ` : ""}at 200 connections the servers took ${ROUNDS} turns of ${TURN} s: median throughput, p99 and max of the turns; % of node = median of the per-round ratios)`,
  );
  console.table(rows);
  if (connectingRows.length) {
    console.log(
      `\n200 clients connecting at once (wrk's usual start; ${CONNECTING_ROUNDS} turns of ${TURN} s each, medians): p99 and max include waiting to be accepted, and wrk counts the requests a waiting connection did not send as slow`,
    );
    console.table(connectingRows.map(({ ofNode: _, ...row }) => row));
  }

  // Pinned for the throughput runs only: publishing and rendering get the whole machine, as in production.
  unpinTree(server.pids());
  const weight = await measurePageWeight(server.base);
  console.log(
    `First visit to /: ${kb(weight.total)} compressed (HTML ${kb(weight.html)}, CSS ${kb(weight.css)}, JS ${kb(weight.js)}; ${weight.requests} requests)`,
  );

  const visible = await measurePublishToVisible(server.base, server.apiKey);
  console.log("\nPublish (management API) to visible, per surface");
  console.table(visible);
  Object.assign(results, {
    rows,
    connecting: connectingRows,
    pageWeight: weight,
    publishToVisible: visible,
  });
} finally {
  server.stop();
}

if (process.env.BENCH_SKIP_MEMORY !== "1") {
  const memory = await benchStartMemory({
    port: PORT + 2,
    idleSeconds: Number(process.env.BENCH_IDLE_SECONDS ?? 60),
    log: (line) => console.error(`[bench] ${line}`),
  });
  console.log(
    "\nMemory of `npm start` (resident, summed over npm, sh and node): first start on an empty database, then every public page warmed and left idle",
  );
  console.table(memoryTable(memory));
  results.memory = memory;
}

// After the HTTP runs, with the server stopped: the fan-out needs the machine to itself too.
if (process.env.BENCH_SKIP_FANOUT !== "1") {
  console.log(
    "\nNotification fan-out: 10,000 email subscribers, standalone worker, loopback SMTP (PostgreSQL)",
  );
  const fanout = await benchFanout({ log: (line) => console.error(`[bench] ${line}`) });
  console.table(fanoutTable(fanout));
  results.fanout = fanout;
}

mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/latest.json", JSON.stringify(results, null, 2));
console.log("Wrote bench-results/latest.json");
