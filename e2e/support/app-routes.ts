import { existsSync, readFileSync } from "node:fs";

/**
 * The routes of the build under test, read from its app-paths manifest, so a
 * spec that walks "every route" covers a route added later without being edited.
 */
export const DIST = process.env.NEXT_DIST_DIR || ".next";
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];
const isMethod = (name: string): name is Method => (METHODS as readonly string[]).includes(name);

/** The HTTP methods a route handler's source exports (`export const GET`, `export async function POST`, `export { x as PATCH }`). */
function exportedMethods(source: string): Method[] {
  const found = new Set<Method>();
  for (const m of source.matchAll(/export\s+(?:const|let|var|(?:async\s+)?function)\s+(\w+)/g))
    if (isMethod(m[1]!)) found.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const spec of m[1]!.split(",")) {
      const name =
        spec
          .trim()
          .split(/\s+as\s+/)
          .pop() ?? "";
      if (isMethod(name)) found.add(name);
    }
  }
  return [...found];
}

export type AppRoute = {
  /** The route as the manifest names it, e.g. "/(public)/incidents/[id]/page". */
  route: string;
  /** Its URL path with `[param]` segments left in place, route groups removed. */
  pattern: string;
  kind: "page" | "route";
  /** Pages answer GET; route handlers what their source exports. */
  methods: Method[];
};

export function appRoutes(): AppRoute[] {
  const manifest = JSON.parse(
    readFileSync(`${DIST}/server/app-paths-manifest.json`, "utf8"),
  ) as Record<string, string>;
  return Object.entries(manifest)
    .filter(([route]) => /\/(page|route)$/.test(route) && !route.includes("/_"))
    .map(([route, built]) => {
      const kind = route.endsWith("/page") ? ("page" as const) : ("route" as const);
      const source = [".ts", ".js"]
        .map((ext) => built.replace(/\.js$/, ext))
        .find((f) => existsSync(f));
      const pattern =
        route
          .replace(/\/(page|route)$/, "")
          .replace(/\/\([^)]+\)/g, "")
          .replace(/^$/, "/") || "/";
      return {
        route,
        pattern,
        kind,
        methods:
          kind === "page" ? ["GET"] : source ? exportedMethods(readFileSync(source, "utf8")) : [],
      };
    });
}

/** A pattern's URL with every `[param]` (and `[...rest]`) segment replaced. */
export const fillParams = (pattern: string, fill: (name: string) => string) =>
  pattern.replace(/\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}/g, (_, name: string) => fill(name));

type ManifestEntry = { filename: string; exportedName: string };
/** The id Next gave a server action (what a browser sends as `Next-Action`). */
export function serverActionId(filename: string, exportedName: string): string | undefined {
  const actions = JSON.parse(
    readFileSync(`${DIST}/server/server-reference-manifest.json`, "utf8"),
  ) as { node: Record<string, ManifestEntry> };
  return Object.entries(actions.node).find(
    ([, a]) => a.filename === filename && a.exportedName === exportedName,
  )?.[0];
}
