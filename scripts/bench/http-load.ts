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
  errors: number;
  non2xx: number;
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
  } = {},
): Promise<LoadRow> {
  if (LOAD_TOOL === "wrk")
    return {
      target,
      server,
      connections,
      ...(await wrk(url, connections, durationSeconds, HEADERS)),
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

/**
 * The ceilings to compare with, each in its own process on the server's CPU
 * and sending exactly the bytes Herald sends a browser for `url` (same body,
 * same encoding, same response headers): a minimal Node server, and nginx when
 * installed.
 */
export async function baselines(
  url: string,
  {
    connections,
    durationSeconds,
    port,
  }: { connections: number; durationSeconds: number; port: number },
): Promise<{ rows: LoadRow[]; bytes: number }> {
  const page = await rawGet(url);
  const dir = mkdtempSync(path.join(tmpdir(), "herald-static-"));
  writeFileSync(path.join(dir, "body"), page.body);
  const headers = sentHeaders(page.headers);
  const target = new URL(url).pathname;
  const servers: { name: LoadRow["server"]; command: string[] }[] = [
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
    writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, port, headers));
    servers.push({ name: "nginx", command: ["nginx", "-c", path.join(dir, "nginx.conf")] });
  }
  const rows: LoadRow[] = [];
  try {
    for (const { name, command } of servers) {
      const [bin, ...args] = pinnedToServerCpu(command);
      const child = spawn(bin!, args, { stdio: "ignore" });
      try {
        await waitForPort(port, child);
        // Herald's 200-connection row follows its 50-connection row; a baseline gets the same chance
        // to compile its hot path first (unwarmed, the minimal server's p99 took up to a second).
        await load(`http://127.0.0.1:${port}/`, connections, WARM_UP_SECONDS, {
          target,
          server: name,
        });
        rows.push(
          await load(`http://127.0.0.1:${port}/`, connections, durationSeconds, {
            target,
            server: name,
          }),
        );
      } finally {
        child.kill();
        await new Promise((r) => child.once("exit", r));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, bytes: page.body.length };
}
