import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "../db/client";
import { etagOf, matchesEtag } from "../http/etag";
import { buildStatusSnapshot } from "../public/status-snapshot";
import { renderStatuspageEndpoint } from "../statuspage/statuspage-endpoints";

export type ServedRequest = { path: string; ifNoneMatch: string | undefined; status: number };

/**
 * A second Herald on loopback, for tests: its own database's summary.json,
 * built by Herald's own snapshot and serializer, with the same ETag/304
 * handling as the public API. `/broken`, `/huge` and `/down` misbehave on purpose.
 */
export async function serveHeraldSummary(db: Db) {
  const requests: ServedRequest[] = [];
  const server = createServer((req, res) => {
    // The query is ignored, so one server can be added as several upstreams.
    const path = new URL(req.url ?? "/", "http://loopback").pathname;
    const ifNoneMatch = req.headers["if-none-match"];
    const answer = (status: number, body = "", headers: Record<string, string> = {}) => {
      requests.push({ path, ifNoneMatch, status });
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(body);
    };
    if (path === "/broken/api/v2/summary.json") return answer(200, "{not json");
    if (path === "/huge/api/v2/summary.json") return answer(200, " ".repeat(3_000_000));
    if (path === "/down/api/v2/summary.json") return answer(503, "{}");
    if (path !== "/api/v2/summary.json") return answer(404, "{}");
    buildStatusSnapshot(db).then(
      (snapshot) => {
        const body = renderStatuspageEndpoint("summary.json", snapshot, "http://upstream.test");
        const etag = etagOf(body);
        if (matchesEtag(ifNoneMatch, etag)) return answer(304, "", { etag });
        answer(200, body, { etag });
      },
      () => answer(500, "{}"),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
