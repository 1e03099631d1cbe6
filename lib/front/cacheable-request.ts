import type { IncomingMessage } from "node:http";
import { canonicalPublicUrl, publicRouteOf, type PublicRoute } from "../http/public-routes";

/** The request headers the front server reads (repeated ones joined as Node joins them). */
export type FrontHeaders = {
  acceptEncoding?: string;
  ifNoneMatch?: string;
  cookie?: string;
  forwardedProto?: string;
  /** Sent by Next's client router: such a request wants an RSC payload, not the page. */
  clientRouter: boolean;
};

type Field = Exclude<keyof FrontHeaders, "clientRouter">;
const FIELDS = new Map<string, [Field, string]>([
  ["accept-encoding", ["acceptEncoding", ", "]],
  ["if-none-match", ["ifNoneMatch", ", "]],
  ["cookie", ["cookie", "; "]],
  ["x-forwarded-proto", ["forwardedProto", ", "]],
]);
const CLIENT_ROUTER_HEADERS = new Set([
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
]);
/** Most headers are ruled out by their length alone, before any lower-casing. */
const LENGTHS = new Set([...FIELDS.keys(), ...CLIENT_ROUTER_HEADERS].map((name) => name.length));

/**
 * The headers above, in one pass over `rawHeaders`. Node builds `request.headers` on first use
 * (every header lower-cased into a new object): work that a cached answer, sent thousands of
 * times a second, does not need. Requests that reach Next build it as usual.
 */
export function readFrontHeaders(raw: string[]): FrontHeaders {
  const headers: FrontHeaders = { clientRouter: false };
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (!LENGTHS.has(name.length)) continue;
    const lower = name.toLowerCase();
    const field = FIELDS.get(lower);
    if (field) {
      const [key, separator] = field;
      const value = raw[i + 1]!;
      headers[key] = headers[key] === undefined ? value : `${headers[key]}${separator}${value}`;
    } else if (CLIENT_ROUTER_HEADERS.has(lower)) headers.clientRouter = true;
  }
  return headers;
}

/**
 * The public route and canonical URL of a request the front cache may answer:
 * an anonymous-equivalent read of a public surface (lib/http/public-routes.ts),
 * the same for every visitor. Null for everything else (the console, sign-in,
 * forms, Next's client-navigation requests), which goes straight to Next.
 */
export function cacheableRequest(
  request: IncomingMessage,
  headers: FrontHeaders,
): { route: PublicRoute; url: string } | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (headers.clientRouter) return null;
  const url = request.url ?? "/";
  const route = publicRouteOf(url.split("?", 1)[0]!);
  return route ? { route, url: canonicalPublicUrl(url, route) } : null;
}
