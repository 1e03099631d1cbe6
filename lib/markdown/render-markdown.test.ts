import { describe, expect, it } from "vitest";
import { activeMarkup, TEXT_TAGS, XSS_PAYLOADS } from "../testing/xss-payloads";
import { markdownWarnings, renderMarkdown } from "./render-markdown";

describe("renderMarkdown", () => {
  it("renders the comms structure: bold labels, lists, links and line breaks", () => {
    const html = renderMarkdown(
      "**Impact:** API errors\nsince 10:00\n\n- rolled back\n- [details](https://acme.test/x)",
    );
    expect(html).toContain("<strong>Impact:</strong> API errors<br />since 10:00");
    expect(html).toContain("<li>rolled back</li>");
    expect(html).toContain(
      '<a href="https://acme.test/x" rel="nofollow noopener noreferrer">details</a>',
    );
  });

  it("turns scripts, event handlers and javascript: links into inert text", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\nText <img src=x onerror="alert(1)"> <b onclick="x()">hi</b>\n\n[click](javascript:alert(1))',
    );
    expect(activeMarkup(html, TEXT_TAGS)).toEqual([]);
    expect(html).not.toMatch(/<(script|img|b)\b|href="javascript:/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('&lt;b onclick="x()"&gt;hi&lt;/b&gt;');
    expect(html).toContain(">click</a>");
  });

  it("keeps angle-bracket text that is not markup as literal text", () => {
    expect(renderMarkdown("Use the <region>-backup endpoint")).toBe(
      "<p>Use the &lt;region&gt;-backup endpoint</p>\n",
    );
    expect(renderMarkdown("a <strong>b</strong> c")).toBe("<p>a <strong>b</strong> c</p>\n");
  });

  it("warns the author about everything publishing will change, and nothing else", () => {
    expect(markdownWarnings("Use the <region>-backup endpoint, [docs](javascript:x)")).toEqual([
      "Shown exactly as typed, not as formatting: <region>",
      "The link to javascript:x will be removed (only http, https and mailto links work).",
    ]);
    expect(markdownWarnings("**Bold**, <em>fine</em>, [docs](https://acme.test)")).toEqual([]);
  });

  it("keeps the page's heading levels intact", () => {
    expect(renderMarkdown("# Big\n## Less")).toBe("<h3>Big</h3>\n<h4>Less</h4>\n");
  });

  // Update bodies and RCA sections both go through renderMarkdown; the payload's
  // surroundings vary so a break-out from a list, table or heading is tried too.
  const PLACES: [string, (payload: string) => string][] = [
    ["an update body", (p) => `**Impact:** checkout errors ${p} since 10:00`],
    ["an RCA list item", (p) => `## Root cause\n\n- first\n- ${p}`],
    ["a table cell", (p) => `| when | what |\n| --- | --- |\n| 10:00 | ${p} |`],
    ["a quote", (p) => `> ${p}`],
  ];
  it("has a checker that would notice live markup (else the cases below prove nothing)", () => {
    expect(
      activeMarkup(
        '<img src=x onerror=alert(1)><a href="javascript:x">a</a><p onclick="x">p</p><p title="onload=x">ok</p>',
        TEXT_TAGS,
      ),
    ).toHaveLength(3);
  });

  describe.each(PLACES)("in %s", (_place, wrap) => {
    it.each(XSS_PAYLOADS)("leaves %s inert", (payload) => {
      const html = renderMarkdown(wrap(payload));
      expect(activeMarkup(html, TEXT_TAGS)).toEqual([]);
      // Escaped text may say "javascript:"; no live tag or attribute may.
      expect(html).not.toMatch(/<(script|iframe|svg|img|object|form|style)\b/i);
    });
  });

  it("keeps the words around an inert payload, so the update still reads", () => {
    expect(renderMarkdown("Before <script>alert(1)</script> after")).toBe(
      "<p>Before &lt;script&gt;alert(1)&lt;/script&gt; after</p>\n",
    );
    expect(renderMarkdown("[x](javascript:alert(1)) stays")).toBe(
      '<p><a rel="nofollow noopener noreferrer">x</a> stays</p>\n',
    );
  });
});
