import { describe, expect, it } from "vitest";
import {
  clampMonth,
  MIN_MONTH,
  parseBadgeJsonQuery,
  parseBadgeQuery,
  parseHistoryQuery,
  parsePostmortemQuery,
  parsePublicId,
  parseReliabilityQuery,
  parseTokenQuery,
  parseUptimeQuery,
} from "./public-params";

const q = (s: string) => new URLSearchParams(s);

describe("public URL parameters", () => {
  it("months: well-formed ones pass, anything else is the page's default", () => {
    expect(parseHistoryQuery(q("month=2026-03"))).toEqual({ month: "2026-03" });
    for (const bad of ["2026-13", "2026-3", "March", "2026-03-01", "", "1e9", "2026-03\u0000"])
      expect(parseHistoryQuery(q(`month=${encodeURIComponent(bad)}`))).toEqual({
        month: undefined,
      });
    // A repeated parameter counts once, as does an array from Next's searchParams.
    expect(parseUptimeQuery({ month: ["2025-01", "1900-01"] }).month).toBe("2025-01");
  });

  it("months are clamped to what the page can show: /uptime?month=1900-01, /history?month=0999-01", () => {
    const range = { earliest: "2024-06", latest: "2026-03" };
    expect(clampMonth("1900-01", range)).toBe("2024-06");
    expect(clampMonth("0999-01", { earliest: "0001-01", latest: "2026-03" })).toBe(MIN_MONTH);
    expect(clampMonth("9999-12", range)).toBe("2026-03");
    expect(clampMonth(undefined, range)).toBe("2026-03");
    expect(clampMonth("2025-02", range)).toBe("2025-02");
    // A start in the future (a component scheduled to begin later) still shows the current month.
    expect(clampMonth("2025-02", { earliest: "2027-01", latest: "2026-03" })).toBe("2026-03");
  });

  it("ids: only the shape Herald mints reaches a query", () => {
    expect(parsePublicId("abc123def456")).toBe("abc123def456");
    for (const bad of [
      "ABC123DEF456",
      "abc",
      "abc123def456x",
      "../../etc",
      "abc123def45\u0000",
      42,
    ])
      expect(parsePublicId(bad)).toBeNull();
    expect(parseUptimeQuery(q("component=constructor")).component).toBeUndefined();
  });

  it("windows, revisions, badges and tokens fall back to defaults instead of failing", () => {
    expect(parseReliabilityQuery(q("days=365"))).toEqual({ days: 365 });
    expect(parseReliabilityQuery(q("days=100000"))).toEqual({ days: 90 });
    expect(parsePostmortemQuery(q("revision=2"))).toEqual({ revision: 2 });
    for (const bad of ["0", "-1", "1.5", "1e308", "Infinity", "x"])
      expect(parsePostmortemQuery(q(`revision=${bad}`))).toEqual({ revision: undefined });
    expect(parseBadgeQuery(q("style=constructor&label=x"))).toEqual({ style: "flat", label: "x" });
    expect(parseBadgeQuery(q(`label=${"é".repeat(10_000)}`)).label).toHaveLength(64);
    expect(parseBadgeJsonQuery(q("component=abc123def456")).component).toBe("abc123def456");
    expect(parseTokenQuery(q("token=abc_DEF-123.x"))).toEqual({ token: "abc_DEF-123.x" });
    expect(parseTokenQuery(q("token=%00%00"))).toEqual({ token: null });
    expect(parseTokenQuery({ token: "a".repeat(301) })).toEqual({ token: null });
  });
});
