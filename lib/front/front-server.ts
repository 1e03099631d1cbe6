import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { listen } from "../http/listen";
import { HSTS } from "../http/security-headers";
import { publicRouteOf } from "../http/public-routes";
import { cacheableRequest, readFrontHeaders, type FrontHeaders } from "./cacheable-request";
import { createPassToNext } from "./pass-to-next";
import { createResponseCache, RENDER_TIMED_OUT } from "./response-cache";
import { sendStored } from "./send-stored";
import { readSharedPublicState, type SharedPublicState } from "./shared-public-state";
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

export type FrontServerOptions = {
  port: number;
  host?: string;
  /** The main thread's loopback listener, where Next answers (renders and passed-on requests). */
  nextOrigin: string;
  /** Marks requests passed on to Next, so their client address is believed (client-address.ts). */
  secret: string;
  state: SharedPublicState;
  renderTimeoutMs?: number;
};

/**
 * The public side of Herald's production server, run on a thread of its own (front-thread.ts):
 * an in-memory cache of public responses in front of Next. On incident day the status page, the
 * Statuspage API, badges and feeds are asked for thousands of times between two publishes; they
 * are rendered once per change and served from memory, pre-compressed, without entering Next at
 * all (see response-cache.ts for what a reader may wait on: never a re-render, at most one render
 * timeout). Everything else is passed to Next as the client sent it (pass-to-next.ts).
 *
 * A thread of its own because Next keeps Node's async hooks on for its whole thread (its
 * AsyncLocalStorage) and holds a large heap: each cached answer sent from Next's thread paid for
 * both. Here it pays for neither, and a re-render on Next's thread does not hold up readers.
 */
export async function startFrontServer({
  port,
  host,
  nextOrigin,
  secret,
  state: sharedState,
  renderTimeoutMs,
}: FrontServerOptions) {
  const shared = readSharedPublicState(sharedState);
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
    state: shared.state,
    renderTimeoutMs,
    renderFirst: "/",
    async render(url, state, signal) {
      const staleBefore = shared.staleAnswerCount();
      // An anonymous read, as any visitor's: Next stamps it with this thread's loopback address.
      const response = await fetch(`${nextOrigin}${url}`, {
        headers: { "accept-encoding": "identity" },
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
        degraded: shared.staleAnswerCount() !== staleBefore,
      };
    },
  });

  const passToNext = createPassToNext({ origin: new URL(nextOrigin), secret });
  const send = (
    request: IncomingMessage,
    response: ServerResponse,
    stored: StoredResponse,
    headers: FrontHeaders,
  ) => sendStored(request, response, stored, perRequestHeaders(headers), headers);
  const server = createServer((request, response) => {
    const headers = readFrontHeaders(request.rawHeaders);
    const cacheable = cacheableRequest(request, headers);
    if (!cacheable) return passToNext(request, response);
    // Most requests: a stored copy, sent without a promise in between.
    // Whoever may have just published (a console member) waits for the re-render; nobody else does.
    const waitForChange = holdsConsoleSession(headers);
    const ready = cache.ready(cacheable.url, waitForChange);
    if (ready) return send(request, response, ready, headers);
    cache.get(cacheable.url, { waitForChange }).then(
      (stored) => {
        if (!stored) return passToNext(request, response);
        send(request, response, stored === RENDER_TIMED_OUT ? unavailable : stored, headers);
      },
      () => passToNext(request, response),
    );
  });

  // The first render after a start loads the page's modules and runs cold code: on a large page
  // 1.3 s, three times a later one. Done before the port opens, no visitor waits for it after a
  // deploy or restart; a database that does not answer delays the port by one render timeout at most.
  const warmStarted = performance.now();
  await cache.get("/").catch(() => null);
  const warmMs = Math.round(performance.now() - warmStarted);
  await listen(server, port, host);
  return {
    /** How long rendering `/` took before the port opened. */
    warmMs,
    /** The port it listens on (`port` 0 picks one). */
    port: (server.address() as AddressInfo).port,
    /** The public cache changed (the main thread stored the new version first). */
    changed: () => cache.changed(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
