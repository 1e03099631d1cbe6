/**
 * `npm run bench`: Herald's production server on loopback under load (SPEC §7).
 * Prints tables and writes bench-results/latest.json. Not part of `npm test`.
 *   BENCH_SKIP_BUILD=1    reuse the current build
 *   BENCH_DURATION=10     seconds per load run
 *   BENCH_URLS=/,/badge.svg   which URLs to load (default: the four of SPEC §7)
 *   BENCH_SKIP_FANOUT=1   skip the notification fan-out and worker-kill soak (PostgreSQL)
 *   BENCH_DATABASE_URL    run the server (and the fan-out) on PostgreSQL
 *   BENCH_VERBOSE=1       show the server's output
 *   BENCH_PORT=3900       where the server listens (loopback)
 *   BENCH_LARGE=1         the large page instead (scripts/bench/large-page.ts; BENCH_LARGE_SCALE)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { startBenchServer } from "./bench/bench-server";
import { benchFanout } from "./bench/fanout";
import { fanoutTable } from "./bench/fanout-table";
import { load, staticBaseline, type LoadRow } from "./bench/http-load";
import { measurePageWeight } from "./bench/page-weight";
import { measurePublishToVisible } from "./bench/publish-to-visible";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const URLS = (process.env.BENCH_URLS ?? "/,/api/v2/summary.json,/badge.svg,/history.atom").split(
  ",",
);
const CONNECTIONS = [50, 200];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (
  process.env.BENCH_SKIP_BUILD !== "1" &&
  spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit" }).status !== 0
)
  process.exit(1);

if (process.env.BENCH_LARGE === "1") {
  const { benchLargePage } = await import("./bench/large-page");
  const large = await benchLargePage({ port: PORT, duration: DURATION });
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/large-page.json", JSON.stringify(large, null, 2));
  console.log("Wrote bench-results/large-page.json");
  process.exit(0);
}

const server = await startBenchServer(PORT, { verbose: Boolean(process.env.BENCH_VERBOSE) });
const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  durationSeconds: DURATION,
};
try {
  for (const u of URLS) await fetch(`${server.base}${u}`); // first renders
  const rows: LoadRow[] = [];
  for (const u of URLS)
    for (const c of CONNECTIONS) rows.push(await load(`${server.base}${u}`, c, DURATION));
  const baseline = await staticBaseline(`${server.base}/`, 200, DURATION);
  rows.push(baseline);
  console.log(
    `\nThroughput (${DURATION} s per row, Accept-Encoding as a browser sends; static copy = the same ${kb(baseline.bytes)} of / from a minimal Node server)`,
  );
  console.table(
    rows.map((r) => ({
      ...r,
      "% of static":
        r.connections === 200 && r !== baseline
          ? `${((r.rps / baseline.rps) * 100).toFixed(1)}%`
          : "",
    })),
  );

  const weight = await measurePageWeight(server.base);
  console.log(
    `First visit to /: ${kb(weight.total)} compressed (HTML ${kb(weight.html)}, CSS ${kb(weight.css)}, JS ${kb(weight.js)}; ${weight.requests} requests)`,
  );

  const visible = await measurePublishToVisible(server.base, server.apiKey);
  console.log("\nPublish (management API) to visible, per surface");
  console.table(visible);
  Object.assign(results, { rows, pageWeight: weight, publishToVisible: visible });
} finally {
  server.stop();
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
