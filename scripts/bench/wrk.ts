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
  io.write(string.format('{"requests":%d,"durationUs":%d,"p50":%d,"p99":%d,"errors":%d,"non2xx":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
`;
let reportScript: string | undefined;

export type WrkFigures = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

/** wrk against one URL (pinned away from the server), `headers` on every request. */
export async function wrk(
  url: string,
  connections: number,
  durationSeconds: number,
  headers: Record<string, string>,
): Promise<WrkFigures> {
  if (!reportScript) {
    reportScript = path.join(mkdtempSync(path.join(tmpdir(), "herald-wrk-")), "report.lua");
    writeFileSync(reportScript, REPORT);
  }
  const threads = CPUS?.loadThreads ?? 1;
  const args = [
    ...(CPUS ? ["taskset", "-c", CPUS.load] : []),
    "wrk",
    `-t${threads}`,
    `-c${connections}`,
    `-d${durationSeconds}s`,
    "--latency",
    "-s",
    reportScript,
    ...Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]),
    url,
  ];
  const { stdout } = await promisify(execFile)(args[0]!, args.slice(1));
  const line = stdout.split("\n").find((l) => l.startsWith('{"requests"'));
  if (!line) throw new Error(`wrk printed no figures:\n${stdout}`);
  const r = JSON.parse(line) as {
    requests: number;
    durationUs: number;
    p50: number;
    p99: number;
    errors: number;
    non2xx: number;
  };
  return {
    rps: Math.round(r.requests / (r.durationUs / 1e6)),
    p50: r.p50 / 1000,
    p99: r.p99 / 1000,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}
