import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { lastKnownLive } from "../db/liveness";
import { HSTS } from "../http/security-headers";
import { publicCacheVersion } from "../public/public-cache";
import { isCacheable, publicKindOf } from "./cacheable-request";
import { createResponseCache } from "./response-cache";
import { sendStored } from "./send-stored";
import { storeResponse } from "./stored-response";

/** Marks the front cache's own render requests, which must reach Next. Its value is per process, so nobody else can bypass the cache. */
const RENDER_HEADER = "x-herald-render";

/** The address to render from: this very server, over loopback (never the public host, which may be a CDN). */
function loopbackOrigin(address: AddressInfo): string {
  const wildcard = address.address === "::" || address.address === "0.0.0.0";
  const host = wildcard
    ? "127.0.0.1"
    : address.family === "IPv6"
      ? `[${address.address}]`
      : address.address;
  return `http://${host}:${address.port}`;
}

/** Per-request headers a stored response cannot carry: HSTS depends on the TLS proxy in front. */
const OVER_TLS: [string, string][] = [["strict-transport-security", HSTS]];
const OVER_PLAIN_HTTP: [string, string][] = [];
function perRequestHeaders(request: IncomingMessage): [string, string][] {
  // Shared constants: nothing allocated per request on the hot path.
  return request.headers["x-forwarded-proto"] === "https" ? OVER_TLS : OVER_PLAIN_HTTP;
}

/**
 * Herald's production server: Next's request handler, with an in-memory cache
 * of public responses in front of it. On incident day the status page, the
 * Statuspage API, badges and feeds are asked for thousands of times between
 * two publishes; they are rendered once per publish and served from memory,
 * pre-compressed, without entering Next at all.
 */
export async function startHeraldServer({ port, host }: { port: number; host?: string }) {
  const app = next({ dev: false, hostname: host ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const secret = randomBytes(16).toString("hex");
  let origin = "";
  const cache = createResponseCache({
    state: () => ({ version: publicCacheVersion(), live: lastKnownLive() }),
    async render(url, state) {
      const response = await fetch(`${origin}${url}`, {
        headers: { [RENDER_HEADER]: secret, "accept-encoding": "identity" },
        redirect: "manual",
      });
      // Only complete, shareable answers are kept: a page or resource (200), or a real not-found (404).
      if (response.status !== 200 && response.status !== 404) {
        await response.body?.cancel();
        return null;
      }
      return storeResponse(response, { kind: publicKindOf(url) ?? "resource", live: state.live });
    },
  });

  const fallThrough = (request: IncomingMessage, response: ServerResponse) =>
    void handle(request, response);
  const server = createServer((request, response) => {
    if (request.headers[RENDER_HEADER] === secret || !isCacheable(request))
      return fallThrough(request, response);
    cache.get(request.url ?? "/").then(
      (stored) =>
        stored
          ? sendStored(request, response, stored, perRequestHeaders(request))
          : fallThrough(request, response),
      () => fallThrough(request, response),
    );
  });
  await new Promise<void>((resolve, reject) =>
    server.once("error", reject).listen(port, host, resolve),
  );
  origin = loopbackOrigin(server.address() as AddressInfo);
}
