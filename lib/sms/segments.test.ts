import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitSms, smsLength } from "./segments";

describe("SMS segments", () => {
  it("counts GSM-7 at 160 alone and 153 a part, extension characters as two", () => {
    expect(smsLength("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsLength("a".repeat(161)).segments).toBe(2);
    expect(smsLength("a".repeat(306)).segments).toBe(2);
    expect(smsLength("a".repeat(307)).segments).toBe(3);
    expect(smsLength("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsLength("€".repeat(81)).segments).toBe(2);
    // An escape pair is never split: 152 + "€" cannot share the first part.
    expect(smsLength("a".repeat(152) + "€" + "a".repeat(10)).segments).toBe(2);
  });

  it("counts UCS-2 at 70 alone and 67 a part, emoji as two units", () => {
    expect(smsLength("ä".repeat(70)).encoding).toBe("GSM-7");
    expect(smsLength("ł".repeat(70))).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(smsLength("ł".repeat(71)).segments).toBe(2);
    expect(smsLength("ł".repeat(134)).segments).toBe(2);
    expect(smsLength("ł".repeat(135)).segments).toBe(3);
    expect(smsLength("🔥".repeat(35))).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
  });

  it("fits any text and link into two parts, keeping the link whole", () => {
    const link = " https://status.example.com/incidents/abc123def456";
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 600 }), (text) => {
        const fitted = fitSms(text, link, 2);
        expect(smsLength(fitted).segments).toBeLessThanOrEqual(2);
        expect(fitted.endsWith(link)).toBe(true);
        if (smsLength(text + link).segments <= 2) expect(fitted).toBe(text + link);
      }),
    );
  });
});
