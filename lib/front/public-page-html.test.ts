import { describe, expect, it } from "vitest";
import { withoutFrameworkScripts } from "./public-page-html";

const page = [
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>`,
  `<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>`,
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>`,
  `<script src="/herald-status.js" async=""></script>`,
  `<title>Acme Status</title></head><body><h1>Acme Status</h1>`,
  `<script src="/_next/static/chunks/b.js" async=""></script>`,
  `<script>(self.__next_f=self.__next_f||[]).push([0])</script>`,
  `<script>self.__next_f.push([1,"0:{\\"P\\":null}\\n"])</script>`,
  `<script type="application/ld+json">{"@type":"WebPage"}</script>`,
  `</body></html>`,
].join("");

describe("public page HTML without the framework's scripts", () => {
  const html = withoutFrameworkScripts(page);

  it("drops Next's chunks, their preloads and its inline hydration payload", () => {
    expect(html).not.toContain("/_next/static/chunks/b.js");
    expect(html).not.toContain("__next_f");
  });

  it("keeps the page, its stylesheet, Herald's own script and data blocks", () => {
    expect(html).toContain("<h1>Acme Status</h1>");
    expect(html).toContain(`href="/_next/static/chunks/a.css"`);
    expect(html).toContain(`<script src="/herald-status.js" async=""></script>`);
    expect(html).toContain(`<script type="application/ld+json">`);
  });
});
