import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { config, proxy } from "../../proxy";
import { PUBLIC_QUERY_PARSERS } from "./public-params";
import {
  canonicalPublicUrl,
  publicRouteOf,
  PUBLIC_PAGE_PATHS,
  PUBLIC_ROUTES,
} from "./public-routes";

describe("the registry of public routes", () => {
  it("decides which pages the proxy gives public caching (it sees every request)", () => {
    expect(config.matcher).toEqual(["/((?!_next/static/|_next/image).*)"]);
    const cacheControl = (path: string) =>
      proxy(new NextRequest(`http://localhost${path}`)).headers.get("cache-control");
    for (const path of PUBLIC_PAGE_PATHS)
      expect(cacheControl(path.replace(":id", "abcdefghijkl"))).toMatch(/public/);
    for (const path of ["/admin", "/signin", "/subscribe", "/admin/incidents/abcdefghijkl"])
      expect(cacheControl(path)).toBeNull();
  });

  it("knows public paths, and nothing of the console, sign-in or forms", () => {
    expect(publicRouteOf("/")?.kind).toBe("page");
    expect(publicRouteOf("/incidents/abcdefghijkl/postmortem")?.kind).toBe("page");
    expect(publicRouteOf("/components/abcdefghijkl/history.atom")?.kind).toBe("resource");
    expect(publicRouteOf("/api/v2/summary.json")?.kind).toBe("resource");
    for (const path of ["/admin", "/signin", "/subscribe", "/api/v1/incidents", "/incidents/x"])
      expect(publicRouteOf(path), path).toBeNull();
  });

  it("keys a request on the parameters its route reads, whatever else the URL carries", () => {
    const uptime = publicRouteOf("/uptime")!;
    expect(canonicalPublicUrl("/uptime?utm=1&month=2026-01&component=abc&x=2", uptime)).toBe(
      "/uptime?component=abc&month=2026-01",
    );
    expect(canonicalPublicUrl("/?fbclid=123", publicRouteOf("/")!)).toBe("/");
    expect(
      canonicalPublicUrl("/badge.svg?style=flat&style=plastic", publicRouteOf("/badge.svg")!),
    ).toBe("/badge.svg?style=flat");
  });
});

describe("the registry and the public parameter parsers", () => {
  it("keeps in the cache key every parameter a route's parser reads", () => {
    const sample = new URLSearchParams({
      month: "2026-01",
      component: "abcdefghijkl",
      days: "90",
      revision: "1",
      style: "flat",
      label: "status",
      token: "abc",
    });
    for (const route of PUBLIC_ROUTES) {
      const parser = (PUBLIC_QUERY_PARSERS as Record<string, (q: URLSearchParams) => object>)[
        route.path.replaceAll(":id", "[id]")
      ];
      const read = parser
        ? Object.entries(parser(sample))
            .filter(([, value]) => value !== undefined && value !== null)
            .map(([name]) => name)
        : [];
      for (const name of read) expect(route.params, `${route.path} reads ${name}`).toContain(name);
    }
  });
});
