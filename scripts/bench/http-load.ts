import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { BROWSER_ACCEPT_ENCODING, rawGet } from "./raw-get";
import { hasCommand, pinnedToServerCpu, wrk } from "./wrk";

export type LoadRow = {
  target: string;
  server: "herald" | "node" | "nginx";
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  /** Median over the rounds of this turn's throughput / the minimal Node server's in that round. */
  ofNode?: number;
};

/** wrk when installed (its C event loop outruns any Node server); else autocannon with worker threads. */
export const LOAD_TOOL = hasCommand("wrk") ? "wrk" : "autocannon";
const HEADERS = { "accept-encoding": BROWSER_ACCEPT_ENCODING };

/** One load run against one URL, with the Accept-Encoding a browser sends. */
export async function load(
  url: string,
  connections: number,
  durationSeconds: number,
  {
    target = new URL(url).pathname + new URL(url).search,
    server = "herald" as LoadRow["server"],
    connecting = false,
  } = {},
): Promise<LoadRow> {
  if (LOAD_TOOL === "wrk")
    return {
      target,
      server,
      connections,
      ...(await wrk(url, connections, durationSeconds, HEADERS, { connecting })),
    };
  const r = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    workers: 2,
    headers: HEADERS,
  });
  return {
    target,
    server,
    connections,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

async function waitForPort(port: number, child: ChildProcess) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`baseline server exited (${child.exitCode})`);
    if (
      await fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`baseline server did not listen on ${port}`);
}

/** Headers each server writes itself (or that describe the connection, not the response). */
const OWN_HEADERS = new Set([
  "date",
  "connection",
  "keep-alive",
  "content-length",
  "transfer-encoding",
]);

/** The response headers Herald sent, for a baseline to send too: the same bytes, headers included. */
function sentHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !OWN_HEADERS.has(name)));
}

const nginxString = (value: string) => `"${value.replace(/["\\]/g, "\\$&")}"`;

function nginxConfig(dir: string, port: number, headers: Record<string, string>): string {
  const { "content-type": type = "application/octet-stream", ...rest } = headers;
  const addHeaders = Object.entries(rest)
    .map(([name, value]) => `add_header ${name} ${nginxString(value)};`)
    .join("\n      ");
  return `${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server_tokens off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir};
  uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    location / {
      types { }
      default_type ${nginxString(type)};
      etag off;
      max_ranges 0;
      ${addHeaders}
      try_files /body =404;
      root ${dir};
    }
  }
}
`;
}

const WARM_UP_SECONDS = 3;

/** A server on loopback, and the request path its figures are labelled with. */
type Contender = { server: LoadRow["server"]; url: string };

/**
 * Herald against its ceilings, each in its own process on the server's CPU and sending exactly
 * the bytes Herald sends a browser for `url` (same body, same encoding, same response headers): a
 * minimal Node server, and nginx when installed.
 *
 * The runs alternate (Herald, Node, nginx; `rounds` times, `durationSeconds` each) and each
 * server's row is its median turn (medianRound), with `ofNode` the median of its per-round ratios
 * to the minimal Node server: this machine's speed drifts by up to 2x within a minute, and a ratio
 * of two runs a minute apart measured the drift as much as the servers.
 * Every baseline compiles its hot path in a warm-up run first, as Herald already has.
 *
 * Each turn opens its connections before it sends requests (wrk.ts, OPEN_FIRST_MS). Then
 * `connectingRounds` more turns each let all connections arrive at once, as clients flooding in do:
 * `connecting` holds those rows (their p99 and slowest answer include waiting to be accepted).
 */
export async function compareWithBaselines(
  url: string,
  {
    connections,
    durationSeconds,
    rounds,
    connectingRounds = 0,
    port,
  }: {
    connections: number;
    durationSeconds: number;
    rounds: number;
    connectingRounds?: number;
    port: number;
  },
): Promise<{ rows: LoadRow[]; connecting: LoadRow[]; bytes: number }> {
  const page = await rawGet(url);
  const dir = mkdtempSync(path.join(tmpdir(), "herald-static-"));
  writeFileSync(path.join(dir, "body"), page.body);
  const headers = sentHeaders(page.headers);
  const target = new URL(url).pathname;
  const commands: { name: LoadRow["server"]; command: string[] }[] = [
    {
      name: "node",
      command: [
        process.execPath,
        "scripts/bench/static-server.mjs",
        path.join(dir, "body"),
        JSON.stringify(headers),
        String(port),
      ],
    },
  ];
  if (hasCommand("nginx")) {
    writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, port + 1, headers));
    commands.push({ name: "nginx", command: ["nginx", "-c", path.join(dir, "nginx.conf")] });
  }
  const children: ChildProcess[] = [];
  try {
    const contenders: Contender[] = [{ server: "herald", url }];
    for (const [i, { name, command }] of commands.entries()) {
      const [bin, ...args] = pinnedToServerCpu(command);
      const child = spawn(bin!, args, { stdio: "ignore" });
      children.push(child);
      await waitForPort(port + i, child);
      const baseline = `http://127.0.0.1:${port + i}/`;
      await load(baseline, connections, WARM_UP_SECONDS, { target, server: name });
      contenders.push({ server: name, url: baseline });
    }
    const takeTurns = async (turns: number, connecting: boolean) => {
      const runs = new Map<Contender, LoadRow[]>(contenders.map((c) => [c, []]));
      for (let round = 0; round < turns; round++)
        for (const contender of contenders)
          runs.get(contender)!.push(
            await load(contender.url, connections, durationSeconds, {
              target,
              server: contender.server,
              connecting,
            }),
          );
      if (!turns) return [];
      const node = runs.get(contenders.find((c) => c.server === "node")!)!;
      return contenders.map((c) => ({
        ...medianRound(runs.get(c)!),
        // Against the minimal server's turn of the same round, seconds later: the machine's drift
        // over the run cancels out of each round's ratio.
        ofNode: median(runs.get(c)!.map((run, round) => run.rps / node[round]!.rps)),
      }));
    };
    return {
      rows: await takeTurns(rounds, false),
      connecting: await takeTurns(connectingRounds, true),
      bytes: page.body.length,
    };
  } finally {
    for (const child of children) {
      child.kill();
      if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * A server's median turn: the median throughput and, apart, the median p99 and slowest answer (with
 * every error of all turns). This VM's speed drifts by up to 2x within minutes, whichever server is
 * running; the median turn is the typical one.
 */
function medianRound(runs: LoadRow[]): LoadRow {
  const typical = runs.find((r) => r.rps === median(runs.map((run) => run.rps)))!;
  return {
    ...typical,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    max: median(runs.map((r) => r.max)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  };
}
