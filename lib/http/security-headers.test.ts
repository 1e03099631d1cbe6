import { describe, expect, it } from "vitest";
import { securityHeaders, withoutInlineScripts } from "./security-headers";

/** The headers a path gets, later rules overriding earlier ones as Next applies them (ignoring `has` rules). */
function headersFor(path: string, options: Parameters<typeof securityHeaders>[0]) {
  const out: Record<string, string> = {};
  for (const rule of securityHeaders(options)) {
    if (rule.has) continue;
    const pattern = rule.source === "/:path*" ? /^\/.*$/ : new RegExp(`^${rule.source}$`);
    if (pattern.test(path)) for (const h of rule.headers) out[h.key] = h.value;
  }
  return out;
}

describe("security headers", () => {
  it("forbids framing everywhere but the embeddable status card", () => {
    for (const path of [
      "/",
      "/signin",
      "/admin/incidents",
      "/api/v2/summary.json",
      "/embed/script.js",
    ]) {
      const h = headersFor(path, {});
      expect(h["X-Frame-Options"], path).toBe("DENY");
      expect(h["Content-Security-Policy"], path).toContain("frame-ancestors 'none'");
    }
    const embed = headersFor("/embed", {});
    expect(embed["X-Frame-Options"]).toBeUndefined();
    expect(embed["Content-Security-Policy"]).toContain("frame-ancestors *");
  });

  it("keeps scripts, forms and base URLs to Herald's own origin", () => {
    const csp = headersFor("/", {})["Content-Security-Policy"];
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' 'unsafe-inline'(;|$)/);
    expect(csp).toMatch(/form-action 'self'/);
    expect(csp).toMatch(/base-uri 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(headersFor("/", { dev: true })["Content-Security-Policy"]).toContain("'unsafe-eval'");
  });

  it("pins https only for an https deployment, or a request that arrived over TLS", () => {
    expect(
      headersFor("/", { heraldUrl: "http://localhost:3000" })["Strict-Transport-Security"],
    ).toBeUndefined();
    expect(
      headersFor("/", { heraldUrl: "https://status.example.com" })["Strict-Transport-Security"],
    ).toMatch(/max-age=\d{7,}/);
    const overTls = securityHeaders({}).find((r) =>
      r.has?.some((c) => c.key === "x-forwarded-proto" && c.value === "https"),
    );
    expect(overTls?.headers.map((h) => h.key)).toEqual(["Strict-Transport-Security"]);
  });

  it("sends nosniff, a referrer policy and a permissions policy with everything", () => {
    const h = headersFor("/embed", {});
    expect(h).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(h["Permissions-Policy"]).toContain("camera=()");
  });
});

describe("the policy for pages served without inline scripts", () => {
  it("drops 'unsafe-inline' from script-src only", () => {
    const policy =
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'";
    expect(withoutInlineScripts(policy)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'",
    );
  });
});
