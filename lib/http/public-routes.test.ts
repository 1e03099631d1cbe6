import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { config, proxy } from "../../proxy";
import { canonicalPublicUrl, publicRouteOf, PUBLIC_PAGE_PATHS } from "./public-routes";

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
