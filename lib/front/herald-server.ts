import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { lastKnownLive } from "../db/liveness";
import { stampClientAddress } from "../http/client-address";
import { HSTS } from "../http/security-headers";
import { publicRouteOf } from "../http/public-routes";
import {
  onPublicCacheInvalidated,
  publicCacheVersion,
  staleAnswerCount,
} from "../public/public-cache";
import {
  cacheableRequest,
  readFrontHeaders,
  RENDER_HEADER,
  type FrontHeaders,
} from "./cacheable-request";
import { createResponseCache, RENDER_TIMED_OUT } from "./response-cache";
import { sendStored } from "./send-stored";
import { storeResponse, type StoredResponse } from "./stored-response";

/**
 * Whether the request carries a console session cookie (Auth.js's name, with or without the
 * __Secure- prefix). Not verified: a forged one only makes that reader wait for the shared render.
 */
function holdsConsoleSession(headers: FrontHeaders): boolean {
  return headers.cookie?.includes("authjs.session-token=") ?? false;
}

/** Per-request headers a stored response cannot carry: HSTS depends on the TLS proxy in front. */
const OVER_TLS: [string, string][] = [["strict-transport-security", HSTS]];
const OVER_PLAIN_HTTP: [string, string][] = [];
function perRequestHeaders(headers: FrontHeaders): [string, string][] {
  // Shared constants: nothing allocated per request on the hot path.
  return headers.forwardedProto === "https" ? OVER_TLS : OVER_PLAIN_HTTP;
}

/**
 * Herald's production server: Next's request handler, with an in-memory cache
 * of public responses in front of it. On incident day the status page, the
 * Statuspage API, badges and feeds are asked for thousands of times between
 * two publishes; they are rendered once per change and served from memory,
 * pre-compressed, without entering Next at all (see response-cache.ts for
 * what a reader may wait on: never a re-render, at most one render timeout).
 */
export async function startHeraldServer({
  port,
  host,
  renderTimeoutMs,
}: {
  port: number;
  host?: string;
  renderTimeoutMs?: number;
}) {
  const app = next({ dev: false, hostname: host ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const secret = randomBytes(16).toString("hex");
  let origin = "";
  const unavailable = await storeResponse(
    new Response("Status temporarily unavailable; try again in a few seconds.", {
      status: 503,
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
        "retry-after": "5",
      },
    }),
    { kind: "resource", live: false },
  );
  const cache = createResponseCache({
    state: () => ({ version: publicCacheVersion(), live: lastKnownLive() }),
    renderTimeoutMs,
    renderFirst: "/",
    async render(url, state, signal) {
      const staleBefore = staleAnswerCount();
      const response = await fetch(`${origin}${url}`, {
        headers: { [RENDER_HEADER]: secret, "accept-encoding": "identity" },
        redirect: "manual",
        signal,
      });
      const kind = publicRouteOf(url.split("?", 1)[0]!)?.kind ?? "resource";
      // Only complete answers are kept; a not-found (any unknown id) or a redirect is sent, not stored.
      const stored = await storeResponse(response, { kind, live: state.live });
      return {
        response: stored,
        keep: response.status === 200,
        // Another render's stale read counts too: at worst one extra render.
        degraded: staleAnswerCount() !== staleBefore,
      };
    },
  });

  // One commit announces each table it changed: the cache re-renders once they have all arrived.
  onPublicCacheInvalidated(() => cache.changed());

  const fallThrough = (request: IncomingMessage, response: ServerResponse) => {
    // Rate limits need the real socket address; Next only sees headers.
    stampClientAddress(request);
    void handle(request, response);
  };
  const send = (
    request: IncomingMessage,
    response: ServerResponse,
    stored: StoredResponse,
    headers: FrontHeaders,
  ) => sendStored(request, response, stored, perRequestHeaders(headers), headers);
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const headers = readFrontHeaders(request.rawHeaders);
    const cacheable = headers.render === secret ? null : cacheableRequest(request, headers);
    if (!cacheable) return fallThrough(request, response);
    // Most requests: a stored copy, sent without a promise in between.
    // Whoever may have just published (a console member) waits for the re-render; nobody else does.
    const waitForChange = holdsConsoleSession(headers);
    const ready = cache.ready(cacheable.url, waitForChange);
    if (ready) return send(request, response, ready, headers);
    cache.get(cacheable.url, { waitForChange }).then(
      (stored) => {
        if (!stored) return fallThrough(request, response);
        send(request, response, stored === RENDER_TIMED_OUT ? unavailable : stored, headers);
      },
      () => fallThrough(request, response),
    );
  };
  // Renders reach Next through a listener of their own on loopback (never the public host, which
  // may be a CDN), open before the public port: the status page is rendered before the first
  // visitor arrives (below).
  const renderer = createServer(handler);
  await listen(renderer, 0, "127.0.0.1");
  origin = `http://127.0.0.1:${(renderer.address() as AddressInfo).port}`;
  // The first render after a start loads the page's modules and runs cold code: on a large page
  // 1.3 s, three times a later one. Done now, no visitor waits for it after a deploy or restart; a
  // database that does not answer delays the port by one render timeout at most.
  const warmStarted = performance.now();
  await cache.get("/").catch(() => null);
  const warmMs = Math.round(performance.now() - warmStarted);
  const server = createServer(handler);
  await listen(server, port, host);
  return {
    cache,
    /** How long rendering `/` took before the port opened. */
    warmMs,
    close: () =>
      Promise.all([renderer, server].map((s) => new Promise<void>((r) => s.close(() => r())))),
  };
}

const listen = (server: Server, port: number, host?: string) =>
  new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, host, resolve));
