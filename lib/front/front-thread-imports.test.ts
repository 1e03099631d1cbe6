import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/**
 * The front thread (scripts/front-thread.ts) answers cached reads at the rate of a minimal Node
 * server because it loads none of Next, the database or the configuration: Next's async hooks and
 * heap were the cost it left behind (lib/front/front-server.ts). One stray import would bring them
 * back unnoticed, so its bundle is checked here, as the production build makes it.
 */
describe("the front thread's bundle", () => {
  it("imports nothing of Next, React, the database or Herald's configuration", async () => {
    const { metafile } = await build({
      entryPoints: ["scripts/front-thread.ts"],
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      logLevel: "silent",
    });
    const sources = Object.keys(metafile.inputs);
    const packages = Object.values(metafile.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external).map((i) => i.path),
    );
    expect(sources.filter((s) => /^lib\/(config|db)\b|^app\/|^components\//.test(s))).toEqual([]);
    expect(
      packages.filter((p) => /^(next|react|drizzle-orm|@electric-sql|pg|postgres)\b/.test(p)),
    ).toEqual([]);
    // The check sees the thread's real code, not an empty bundle.
    expect(sources).toContain("lib/front/front-server.ts");
  });
});
