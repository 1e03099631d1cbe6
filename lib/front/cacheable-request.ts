import type { IncomingMessage } from "node:http";
import { canonicalPublicUrl, publicRouteOf, type PublicRoute } from "../http/public-routes";

/** Headers Next's client router sends: those requests want an RSC payload, not the page. */
const CLIENT_ROUTER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
];

/**
 * The public route and canonical URL of a request the front cache may answer:
 * an anonymous-equivalent read of a public surface (lib/http/public-routes.ts),
 * the same for every visitor. Null for everything else (the console, sign-in,
 * forms, Next's client-navigation requests), which goes straight to Next.
 */
export function cacheableRequest(
  request: IncomingMessage,
): { route: PublicRoute; url: string } | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (CLIENT_ROUTER_HEADERS.some((h) => h in request.headers)) return null;
  const url = request.url ?? "/";
  const route = publicRouteOf(url.split("?", 1)[0]!);
  return route ? { route, url: canonicalPublicUrl(url, route) } : null;
}
