import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";
import { MAX_ACTION_BODY_BYTES } from "./lib/http/action-body-limit";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  experimental: {
    // The proxy refuses larger posts with a 413 first (Next itself would answer 500).
    // Next buffers a body for the proxy up to proxyClientMaxBodySize (10 MB by default) before it runs.
    serverActions: { bodySizeLimit: MAX_ACTION_BODY_BYTES },
    proxyClientMaxBodySize: MAX_ACTION_BODY_BYTES,
    // Route modules load on first use, not all at start: a small VM keeps the console's code out of
    // memory until someone signs in (about 13 MB less resident; public pages are warmed by the front cache).
    preloadEntriesOnStart: false,
  },
  // `npm test` runs `tsc --noEmit` (and lint) before building; checking again here only costs CI time.
  typescript: { ignoreBuildErrors: true },
  // Lets several checkouts or agents build side by side (e.g. NEXT_DIST_DIR=.next-b).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Evaluated by `next build` (the result is baked into the build), hence the runtime HSTS rule inside.
  async headers() {
    return securityHeaders({
      heraldUrl: process.env.HERALD_URL,
      dev: process.env.NODE_ENV === "development",
    });
  },
};

export default nextConfig;
