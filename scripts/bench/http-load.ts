import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { BROWSER_ACCEPT_ENCODING, rawGet } from "./raw-get";

export type LoadRow = { target: string; connections: number; rps: number; p50: number; p99: number; errors: number; non2xx: number };

/** autocannon against one URL, with the Accept-Encoding a browser sends. */
export async function load(url: string, connections: number, durationSeconds: number, label = new URL(url).pathname + new URL(url).search): Promise<LoadRow> {
  const r = await autocannon({ url, connections, duration: durationSeconds, pipelining: 1, headers: { "accept-encoding": BROWSER_ACCEPT_ENCODING } });
  return { target: label, connections, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/**
 * The ceiling to compare with: a minimal Node static server sending exactly
 * the bytes Herald sends for `/` to a browser (same body, same encoding).
 */
export async function staticBaseline(pageUrl: string, connections: number, durationSeconds: number): Promise<LoadRow & { bytes: number }> {
  const page = await rawGet(pageUrl);
  const headers = { "content-type": "text/html; charset=utf-8", "content-length": page.body.length, ...(page.headers["content-encoding"] ? { "content-encoding": page.headers["content-encoding"] } : {}) };
  const server = createServer((_, res) => res.writeHead(200, headers).end(page.body));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const row = await load(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, connections, durationSeconds, "static copy of /");
    return { ...row, bytes: page.body.length };
  } finally {
    server.close();
  }
}
