import type { IncomingMessage } from "node:http";
import { config } from "../config";
import { CLIENT_ADDRESS_HEADER, FRONT_SECRET_HEADER } from "./front-headers";
import {
  clientFromForwardedFor,
  normalise,
  trustedProxyList,
  trustedProxyMatcher,
} from "./trusted-proxies";

/** Set in the process that runs the front server: only then is the header ours, never a client's. */
const holder = globalThis as unknown as { __heraldStampsClientAddress?: boolean };

/**
 * Called by the front server for every request, before Next sees it. A request that carries
 * `frontSecret` came from the front thread, which stamped the client's address; any other request
 * is stamped with its own socket's address, whatever header it brought.
 */
export function stampClientAddress(request: IncomingMessage, frontSecret?: string): void {
  holder.__heraldStampsClientAddress = true;
  const headers = request.headers;
  const passed =
    frontSecret !== undefined && headers[FRONT_SECRET_HEADER] === frontSecret
      ? headers[CLIENT_ADDRESS_HEADER]
      : undefined;
  delete headers[FRONT_SECRET_HEADER];
  headers[CLIENT_ADDRESS_HEADER] =
    typeof passed === "string" ? passed : (request.socket.remoteAddress ?? "unknown");
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
