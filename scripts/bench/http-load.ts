import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { BROWSER_ACCEPT_ENCODING, rawGet } from "./raw-get";

export type LoadRow = {
  target: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

/** autocannon against one URL, with the Accept-Encoding a browser sends. */
export async function load(
  url: string,
  connections: number,
  durationSeconds: number,
  label = new URL(url).pathname + new URL(url).search,
): Promise<LoadRow> {
  const r = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    pipelining: 1,
    headers: { "accept-encoding": BROWSER_ACCEPT_ENCODING },
  });
  return {
    target: label,
    connections,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/**
 * The ceiling to compare with: a minimal Node static server, in its own
 * process, sending exactly the bytes Herald sends for `/` to a browser (same
 * body, same encoding).
 */
export async function staticBaseline(
  pageUrl: string,
  connections: number,
  durationSeconds: number,
): Promise<LoadRow & { bytes: number }> {
  const page = await rawGet(pageUrl);
  const dir = mkdtempSync(path.join(tmpdir(), "herald-static-"));
  writeFileSync(path.join(dir, "index.html"), page.body);
  const headers = {
    "content-type": "text/html; charset=utf-8",
    ...(page.headers["content-encoding"]
      ? { "content-encoding": page.headers["content-encoding"] }
      : {}),
  };
  const child = spawn(
    "node_modules/.bin/tsx",
    ["scripts/bench/static-server.ts", path.join(dir, "index.html"), JSON.stringify(headers)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    const [port] = (await once(child.stdout!, "data")) as [Buffer];
    const row = await load(
      `http://127.0.0.1:${port.toString().trim()}/`,
      connections,
      durationSeconds,
      "static copy of /",
    );
    return { ...row, bytes: page.body.length };
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
