import { describe, expect, it } from "vitest";
import { BADGE_STYLES, parseBadgeOptions } from "./badge-options";
import { renderBadgeSvg, shieldsEndpointJson } from "./render-badge";
import type { BadgeContent } from "./status-badges";
import { activeMarkup, SVG_DRAWING_TAGS, XSS_PAYLOADS } from "../testing/xss-payloads";

const operational: BadgeContent = { label: "status", message: "operational", color: "brightgreen" };
const outage: BadgeContent = {
  label: "US East (N. Virginia)",
  message: "major outage",
  color: "red",
};

describe("renderBadgeSvg", () => {
  // File snapshots, so a reviewer can open each badge and see it.
  it.each(BADGE_STYLES)("draws the %s style", async (style) => {
    await expect(renderBadgeSvg(operational, { style })).toMatchFileSnapshot(
      `__snapshots__/${style}-operational.svg`,
    );
    await expect(renderBadgeSvg(outage, { style })).toMatchFileSnapshot(
      `__snapshots__/${style}-major-outage.svg`,
    );
  });

  it("names the badge for screen readers and lets the viewer relabel it or drop the label", () => {
    expect(renderBadgeSvg(operational, { style: "flat" })).toContain(
      'aria-label="status: operational"',
    );
    expect(renderBadgeSvg(operational, { style: "flat", label: "Acme API" })).toContain(
      "<title>Acme API: operational</title>",
    );
    expect(renderBadgeSvg(operational, { style: "flat", label: "" })).toContain(
      "<title>operational</title>",
    );
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["an attribute break-out", '"><svg onload=alert(1)>', "&quot;&gt;&lt;svg onload=alert(1)&gt;"],
    ["an entity", "&lt;b&gt;", "&amp;lt;b&amp;gt;"],
  ])("shows %s in the label as text, never as markup", (_what, label, escaped) => {
    const svg = renderBadgeSvg(operational, parseBadgeOptions(new URLSearchParams({ label })));
    expect(svg).toContain(`<title>${escaped}: operational</title>`);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg).not.toMatch(/<script|<b>|"><svg/);
  });
});

describe("badges with hostile text", () => {
  // A component's name is its badge's label; a viewer's ?label= replaces it.
  it.each(XSS_PAYLOADS)("draw %s as text, from a component name or a ?label=", (payload) => {
    for (const svg of [
      renderBadgeSvg({ ...outage, label: payload }, { style: "flat" }),
      renderBadgeSvg(
        operational,
        parseBadgeOptions(new URLSearchParams({ label: payload, style: "for-the-badge" })),
      ),
    ]) {
      expect(activeMarkup(svg, SVG_DRAWING_TAGS)).toEqual([]);
      expect(svg.match(/<svg/g)).toHaveLength(1);
    }
  });
});

describe("parseBadgeOptions", () => {
  it("falls back to flat for an unknown style, since a README image cannot show an error", () => {
    expect(parseBadgeOptions(new URLSearchParams("style=social"))).toEqual({
      style: "flat",
      label: undefined,
    });
    expect(parseBadgeOptions(new URLSearchParams("style=for-the-badge&label=API"))).toEqual({
      style: "for-the-badge",
      label: "API",
    });
  });

  it("cuts a long label to 64 characters and strips control characters", () => {
    const { label } = parseBadgeOptions(
      new URLSearchParams({ label: `a\u0000b${"x".repeat(500)}` }),
    );
    expect(label).toHaveLength(64);
    expect(label?.startsWith("abx")).toBe(true);
  });
});

describe("shieldsEndpointJson", () => {
  it("produces the shields.io endpoint schema", () => {
    expect(JSON.parse(shieldsEndpointJson(outage, { style: "flat-square" }))).toEqual({
      schemaVersion: 1,
      label: "US East (N. Virginia)",
      message: "major outage",
      color: "red",
      style: "flat-square",
    });
    expect(
      JSON.parse(shieldsEndpointJson(operational, { style: "flat", isError: true })),
    ).toMatchObject({ isError: true });
  });
});
