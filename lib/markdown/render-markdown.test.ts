import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";

describe("renderMarkdown", () => {
  it("renders the comms structure: bold labels, lists, links and line breaks", () => {
    const html = renderMarkdown("**Impact:** API errors\nsince 10:00\n\n- rolled back\n- [details](https://acme.test/x)");
    expect(html).toContain("<strong>Impact:</strong> API errors<br />since 10:00");
    expect(html).toContain("<li>rolled back</li>");
    expect(html).toContain('<a href="https://acme.test/x" rel="nofollow noopener noreferrer">details</a>');
  });

  it("strips scripts, event handlers and javascript: links", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nText <img src=x onerror="alert(1)"> <b onclick="x()">hi</b>\n\n[click](javascript:alert(1))');
    expect(html).not.toMatch(/script|onerror|onclick|javascript:|<img/i);
    expect(html).toContain(">click</a>");
    expect(html).toContain("hi");
  });

  it("keeps the page's heading levels intact", () => {
    expect(renderMarkdown("# Big\n## Less")).toBe("<h3>Big</h3>\n<h4>Less</h4>\n");
  });
});
