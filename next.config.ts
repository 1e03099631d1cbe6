import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` (and lint) before building; checking again here only costs CI time.
  typescript: { ignoreBuildErrors: true },
  // Lets several checkouts or agents build side by side (e.g. NEXT_DIST_DIR=.next-b).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
