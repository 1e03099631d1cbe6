/**
 * The one list of Herald's public surfaces: the same for every visitor, served
 * from the front cache (lib/front/), given CDN-friendly caching by the proxy
 * (proxy.ts, pages only) and their security headers (security-headers.ts).
 * Adding a public route means adding it here; every reader follows.
 */
export type PublicRoute = {
  /** Next's path syntax (`:id` one segment), as proxy matchers and header sources use it. */
  path: string;
  /** A page is HTML served without the React runtime; a resource is anything else. */
  kind: "page" | "resource";
  /** The query parameters the route reads. Any other is ignored: not part of the cache key, not rendered. */
  params: readonly string[];
  /** "embeddable" pages may be framed on any site (frame-ancestors *); every other route refuses framing. */
  framing?: "embeddable";
};

const ID = ":id";

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  { path: "/", kind: "page", params: [] },
  { path: "/history", kind: "page", params: ["month"] },
  { path: "/uptime", kind: "page", params: ["component", "month"] },
  { path: "/reliability", kind: "page", params: ["days"] },
  { path: "/embed", kind: "page", params: [], framing: "embeddable" },
  { path: `/incidents/${ID}`, kind: "page", params: [] },
  { path: `/incidents/${ID}/postmortem`, kind: "page", params: ["revision"] },
  { path: `/maintenance/${ID}`, kind: "page", params: [] },
  { path: "/api/v2/summary.json", kind: "resource", params: [] },
  { path: "/api/v2/status.json", kind: "resource", params: [] },
  { path: "/api/v2/components.json", kind: "resource", params: [] },
  { path: "/api/v2/incidents.json", kind: "resource", params: [] },
  { path: "/api/v2/incidents/unresolved.json", kind: "resource", params: [] },
  { path: "/api/v2/scheduled-maintenances.json", kind: "resource", params: [] },
  { path: "/api/v2/scheduled-maintenances/active.json", kind: "resource", params: [] },
  { path: "/api/v2/scheduled-maintenances/upcoming.json", kind: "resource", params: [] },
  { path: "/badge.svg", kind: "resource", params: ["style", "label"] },
  { path: "/badge.json", kind: "resource", params: ["component", "style", "label"] },
  { path: "/history.atom", kind: "resource", params: [] },
  { path: "/history.rss", kind: "resource", params: [] },
  { path: `/components/${ID}/badge.svg`, kind: "resource", params: ["style", "label"] },
  { path: `/components/${ID}/history.atom`, kind: "resource", params: [] },
  { path: `/components/${ID}/history.rss`, kind: "resource", params: [] },
  { path: "/embed/script.js", kind: "resource", params: [] },
  { path: "/herald-status.js", kind: "resource", params: [] },
];

/** Ids are Herald's own (lib/ids.ts): anything else cannot name a public record. */
const ID_SEGMENT = "[0-9a-z]{12}";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Most routes are one fixed path: a map lookup, not a regular expression each, on every request. */
const fixedPaths = new Map(
  PUBLIC_ROUTES.filter((route) => !route.path.includes(ID)).map((route) => [route.path, route]),
);
const withIds = PUBLIC_ROUTES.filter((route) => route.path.includes(ID)).map((route) => ({
  route,
  regex: new RegExp(`^${route.path.split(ID).map(escape).join(ID_SEGMENT)}$`),
}));

/** The public route a path belongs to, or null (the console, sign-in, forms, unknown paths). */
export function publicRouteOf(pathname: string): PublicRoute | null {
  return fixedPaths.get(pathname) ?? withIds.find((m) => m.regex.test(pathname))?.route ?? null;
}

/**
 * The URL a public request is rendered and cached under: its path and only the
 * parameters its route reads, in a fixed order (the first value of each).
 * `/?utm_source=x` and `/` are one entry; a flood of unique query strings is not.
 */
export function canonicalPublicUrl(url: string, route: PublicRoute): string {
  const [pathname, query = ""] = url.split("?", 2) as [string, string?];
  if (route.params.length === 0 || !query) return pathname;
  const given = new URLSearchParams(query);
  const kept = new URLSearchParams();
  for (const name of route.params) {
    const value = given.get(name);
    if (value !== null) kept.set(name, value);
  }
  const canonical = kept.toString();
  return canonical ? `${pathname}?${canonical}` : pathname;
}

/** Page paths for the proxy's matcher (proxy.ts must spell them out literally; a test compares). */
export const PUBLIC_PAGE_PATHS = PUBLIC_ROUTES.filter((r) => r.kind === "page").map((r) => r.path);

/** Paths that may be framed by any site. */
export const EMBEDDABLE_PATHS = PUBLIC_ROUTES.filter((r) => r.framing === "embeddable").map(
  (r) => r.path,
);
