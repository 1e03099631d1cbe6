import { expect, test } from "@playwright/test";
import { withoutFrameworkScripts } from "../lib/front/public-page-html";

/**
 * Contract with the installed Next (lib/front/public-page-html.ts relies on
 * markup Next does not document). Checked on the real production build, so a
 * Next upgrade that changes any of it fails here, not silently in production:
 * - Next's runtime is <script src="/_next/…"> chunks (and <link as="script"> preloads);
 * - the hydration payload and bootstrap are inline <script>s (self.__next_f);
 * - nothing else on the page needs them: with them removed, no script is left
 *   but Herald's own, and the stylesheets stay.
 */
const scriptTags = (html: string) => html.match(/<script\b[^>]*>/g) ?? [];

test("Next's page markup is what the front cache expects to strip", async ({ request }) => {
  // Not a cached route (lib/http/public-routes.ts): Next's own output, same root and public layouts.
  const raw = await (await request.get("/subscribe")).text();
  expect(raw).toMatch(/<script\b[^>]*\bsrc="\/_next\/static\/[^"]+\.js"/);
  expect(raw).toContain("self.__next_f");
  expect(raw).toMatch(/<link\b[^>]*rel="stylesheet"[^>]*href="\/_next\/static\/[^"]+\.css"/);

  const stripped = withoutFrameworkScripts(raw);
  expect(stripped).not.toContain("__next_f");
  expect(stripped).not.toMatch(/\/_next\/[^"]*\.js/);
  for (const tag of scriptTags(stripped))
    expect(tag).toMatch(/src="\/herald-status\.js"|type="application\/(ld\+)?json"/);
  expect(stripped).toMatch(/<link\b[^>]*rel="stylesheet"/);
});

test("public pages are served complete, with Herald's script only", async ({ request }) => {
  for (const path of ["/", "/history", "/uptime", "/reliability", "/embed"]) {
    const html = await (await request.get(path)).text();
    expect(html, path).not.toContain("__next_f");
    for (const tag of scriptTags(html)) expect(tag, path).toMatch(/src="\/herald-status\.js"/);
    expect(html, path).toMatch(/<\/main>|<\/body>/);
  }
});
