/**
 * Response headers every Herald response carries, in the shape of Next's
 * `headers()` config (next.config.ts is their one home). Pure, so tests can
 * check the policy without a build.
 */
import { EMBEDDABLE_PATHS } from "./public-routes";

type Header = { key: string; value: string };
type HeaderRule = {
  source: string;
  headers: Header[];
  has?: { type: "header"; key: string; value: string }[];
};

/**
 * 'unsafe-inline' for scripts: Next inlines the hydration payload, and the
 * nonce alternative needs a fresh render per request, which would defeat the
 * CDN-cached public pages (SPEC §7). XSS is stopped upstream instead: Markdown
 * is sanitized and React escapes text.
 */
function contentSecurityPolicy(frameAncestors: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // React's dev build evaluates code to rebuild server stacks; production never does.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Logos and Markdown images may live on any https host.
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

export const HSTS = "max-age=31536000";

/**
 * Public pages are served without Next's inline hydration scripts (see
 * lib/front/public-page-html.ts), so their policy can refuse inline script
 * outright: a Markdown sanitizer slip there would still not run.
 */
export function withoutInlineScripts(policy: string): string {
  return policy.replace(
    /(^|;\s*)script-src ([^;]*)/,
    (_, lead: string, sources: string) =>
      `${lead}script-src ${sources.replace(/\s*'unsafe-inline'/, "").trim()}`,
  );
}

/** Everything but the embeddable pages of the public-route registry refuses to be framed (the /embed card's own script included). */
const NOT_EMBEDDABLE = `/((?!(?:${EMBEDDABLE_PATHS.map((p) => p.slice(1)).join("|")})$).*)`;

export function securityHeaders({
  heraldUrl,
  dev = false,
}: {
  heraldUrl?: string;
  dev?: boolean;
}): HeaderRule[] {
  const common: Header[] = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    },
  ];
  const hsts: Header[] = [{ key: "Strict-Transport-Security", value: HSTS }];
  return [
    // Behind TLS only: over plain http (a laptop, the e2e suite) pinning https would lock visitors out.
    { source: "/:path*", headers: heraldUrl?.startsWith("https:") ? [...common, ...hsts] : common },
    // Next bakes these rules in at build time, so an image built without HERALD_URL still
    // needs a runtime signal: the TLS-terminating proxy's X-Forwarded-Proto.
    {
      source: "/:path*",
      has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
      headers: hsts,
    },
    {
      source: NOT_EMBEDDABLE,
      headers: [
        { key: "Content-Security-Policy", value: contentSecurityPolicy("'none'", dev) },
        // For browsers that predate frame-ancestors.
        { key: "X-Frame-Options", value: "DENY" },
      ],
    },
    // The status card exists to be put in an <iframe> on customers' sites.
    ...EMBEDDABLE_PATHS.map((source) => ({
      source,
      headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy("*", dev) }],
    })),
  ];
}
