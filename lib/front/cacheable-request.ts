import type { IncomingMessage } from "node:http";

/**
 * Which requests the front cache may answer: anonymous-equivalent reads of
 * public surfaces, the same for every visitor. Everything else (the console,
 * sign-in, forms, Next's client-navigation requests) goes straight to Next.
 */
export type CacheableKind = "page" | "resource";

/** Public HTML pages: rendered without per-visitor content, and complete without the React runtime. */
const PAGES =
  /^\/(?:history|uptime|reliability|embed|incidents\/[a-z0-9]+(?:\/postmortem)?|maintenance\/[a-z0-9]+)?$/;
/** Public machine-readable surfaces and the public pages' script. */
const RESOURCES =
  /^\/(?:api\/v2\/[\w/-]+\.json|badge\.(?:svg|json)|history\.(?:atom|rss)|components\/[a-z0-9]+\/(?:badge\.svg|history\.(?:atom|rss))|embed\/script\.js|herald-status\.js)$/;

/** Headers Next's client router sends: those requests want an RSC payload, not the page. */
const CLIENT_ROUTER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
];

const pathOf = (url: string) => url.split("?", 1)[0]!;

/** What a public URL serves, or null for anything that is not a public surface. */
export function publicKindOf(url: string): CacheableKind | null {
  const pathname = pathOf(url);
  if (PAGES.test(pathname)) return "page";
  if (RESOURCES.test(pathname)) return "resource";
  return null;
}

export function isCacheable(request: IncomingMessage): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (CLIENT_ROUTER_HEADERS.some((h) => h in request.headers)) return false;
  return publicKindOf(request.url ?? "/") !== null;
}
