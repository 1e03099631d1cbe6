import { describe, expect, it } from "vitest";
import { config } from "../../proxy";
import { canonicalPublicUrl, publicRouteOf, PUBLIC_PAGE_PATHS } from "./public-routes";

describe("the registry of public routes", () => {
  it("is what the proxy matches (Next needs the matcher as a literal)", () => {
    const pagePaths = config.matcher.filter((m) => typeof m === "string");
    expect(pagePaths).toEqual(PUBLIC_PAGE_PATHS);
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
