import type { IncomingMessage } from "node:http";
import { config } from "../config";
import {
  clientFromForwardedFor,
  normalise,
  trustedProxyList,
  trustedProxyMatcher,
} from "./trusted-proxies";

/**
 * The connection's own address, as the front server (lib/front) saw the socket.
 * Next's route handlers and server actions only see headers, so the front
 * server writes it into this header, after deleting whatever a client sent.
 */
export const CLIENT_ADDRESS_HEADER = "x-herald-client-address";

/** Set in the process that runs the front server: only then is the header ours, never a client's. */
const holder = globalThis as unknown as { __heraldStampsClientAddress?: boolean };

/** Called by the front server for every request, before Next sees it. */
export function stampClientAddress(request: IncomingMessage): void {
  holder.__heraldStampsClientAddress = true;
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
}

let matcher: { source: string | undefined; isTrusted: (address: string) => boolean } | undefined;
function isTrustedProxy(address: string): boolean {
  const source = config().HERALD_TRUSTED_PROXIES;
  if (!matcher || matcher.source !== source)
    matcher = { source, isTrusted: trustedProxyMatcher(trustedProxyList(source)) };
  return matcher.isTrusted(address);
}

/**
 * Who to count a rate limit against: the connection's address, or, when that
 * connection comes from a proxy named in HERALD_TRUSTED_PROXIES, the client that
 * proxy reports in X-Forwarded-For. A client-written header is never believed.
 * Without the front server (`next dev`) the socket is out of reach: "unknown".
 */
export function clientAddress(headers: Headers): string {
  const peer = holder.__heraldStampsClientAddress ? headers.get(CLIENT_ADDRESS_HEADER) : null;
  if (!peer) return "unknown";
  const forwardedFor = headers.get("x-forwarded-for") ?? undefined;
  return clientFromForwardedFor(normalise(peer), forwardedFor, isTrustedProxy);
}
