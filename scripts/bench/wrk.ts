import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/** Which CPUs the load generator and the servers get: apart, so neither steals the other's core. */
export const CPUS = (() => {
  const count = Number(spawnSync("nproc").stdout?.toString() || 1);
  return count >= 2 && hasCommand("taskset")
    ? { server: "0", load: `1-${count - 1}`, loadThreads: Math.max(1, count - 1) }
    : null;
})();

export function hasCommand(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`]).status === 0;
}

/** Lets `pid` and every process below it run on any CPU again (after the throughput runs). */
export function unpinTree(pids: number[]): void {
  if (!CPUS) return;
  for (const pid of pids)
    spawnSync("taskset", ["-a", "-p", "-c", `0-${CPUS.loadThreads}`, String(pid)]);
}

/** `command` pinned to the servers' CPU when pinning is possible. */
export const pinnedToServerCpu = (command: string[]): string[] =>
  CPUS ? ["taskset", "-c", CPUS.server, ...command] : command;

/** wrk's own figures, printed as JSON by a done() hook: latencies in µs. */
const REPORT = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"durationUs":%d,"p50":%d,"p99":%d,"maxUs":%d,"errors":%d,"non2xx":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout, e.status))
end
`;

/**
 * How long each connection holds back its first request, so that all are open before the load
 * starts. wrk connects all of them at once when a run starts and then times each request; a Node
 * server under load accepts one new connection per turn of its event loop (libuv since 1.45, in
 * Node 20: github.com/libuv/libuv/pull/3696), so the last of 200 waits up to a second for its first
 * answer, and wrk's correction for coordinated omission (stats_correct in wrk.c) adds every request
 * that connection would have sent meanwhile as a slow sample. That measured the accept queue of
 * the run's first second, whichever Node server ran, not the server's answers. `connecting: true`
 * keeps wrk's usual start, to measure exactly that.
 */
export const OPEN_FIRST_MS = 300;
const OPEN_FIRST = `local held = 0
init = function(args) held = tonumber(args[1]) end
delay = function()
  if held > 0 then held = held - 1; return ${OPEN_FIRST_MS} end
  return 0
end
`;
const scripts = new Map<boolean, string>();
function script(openFirst: boolean): string {
  let file = scripts.get(openFirst);
  if (!file) {
    file = path.join(mkdtempSync(path.join(tmpdir(), "herald-wrk-")), "report.lua");
    writeFileSync(file, (openFirst ? OPEN_FIRST : "") + REPORT);
    scripts.set(openFirst, file);
  }
  return file;
}

export type WrkFigures = {
  rps: number;
  p50: number;
  p99: number;
  /** The slowest answer, in ms. */
  max: number;
  errors: number;
  non2xx: number;
};

/**
 * wrk against one URL (pinned away from the server), `headers` on every request. The requests start
 * once every connection is open (OPEN_FIRST_MS), unless `connecting`: then, as wrk usually runs,
 * all connections arrive at once and the first answers include the wait to be accepted.
 */
export async function wrk(
  url: string,
  connections: number,
  durationSeconds: number,
  headers: Record<string, string>,
  { connecting = false } = {},
): Promise<WrkFigures> {
  const threads = CPUS?.loadThreads ?? 1;
  const args = [
    ...(CPUS ? ["taskset", "-c", CPUS.load] : []),
    "wrk",
    `-t${threads}`,
    `-c${connections}`,
    `-d${durationSeconds}s`,
    "--latency",
    "-s",
    script(!connecting),
    ...Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]),
    url,
    // The script's argument: how many connections each wrk thread holds back.
    ...(connecting ? [] : ["--", String(Math.ceil(connections / threads))]),
  ];
  const { stdout } = await promisify(execFile)(args[0]!, args.slice(1));
  const line = stdout.split("\n").find((l) => l.startsWith('{"requests"'));
  if (!line) throw new Error(`wrk printed no figures:\n${stdout}`);
  const r = JSON.parse(line) as {
    requests: number;
    durationUs: number;
    p50: number;
    p99: number;
    maxUs: number;
    errors: number;
    non2xx: number;
  };
  // Throughput over the time requests were sent: without the held-back start.
  const loadUs = r.durationUs - (connecting ? 0 : OPEN_FIRST_MS * 1000);
  return {
    rps: Math.round(r.requests / (loadUs / 1e6)),
    p50: r.p50 / 1000,
    p99: r.p99 / 1000,
    max: r.maxUs / 1000,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}
