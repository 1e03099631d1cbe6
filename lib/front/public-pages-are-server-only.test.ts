import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Public pages are served without the React runtime (public-page-html.ts), so
 * a client component on one would work in `next dev` and silently die in
 * production. Their enhancements belong in public/herald-status.js instead.
 * (/subscribe and /unsubscribe are not front-cached and may use client code.)
 */
const PUBLIC_PAGE_SOURCES = [
  "components/status",
  "app/(public)/page.tsx",
  "app/(public)/layout.tsx",
  "app/(public)/history",
  "app/(public)/uptime",
  "app/(public)/reliability",
  "app/(public)/incidents",
  "app/(public)/maintenance",
  "app/embed",
  "app/layout.tsx",
];

function files(p: string): string[] {
  if (!statSync(p).isDirectory()) return /\.(tsx?|jsx?)$/.test(p) ? [p] : [];
  return readdirSync(p).flatMap((name) => files(path.join(p, name)));
}

describe("public pages", () => {
  it("contain no client component (its code would be stripped from the served page)", () => {
    const client = PUBLIC_PAGE_SOURCES.flatMap(files).filter((f) =>
      /^\s*["']use client["']/m.test(readFileSync(f, "utf8")),
    );
    expect(client).toEqual([]);
  });
});
