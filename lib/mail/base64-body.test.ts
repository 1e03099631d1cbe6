import fc from "fast-check";
import { expect, it } from "vitest";
import { base64Lines, encodeFilledTemplate, fillTemplate } from "./base64-body";

const SLOT_A = "https://herald-slot.invalid/manage";
const SLOT_B = "https://herald-slot.invalid/unsubscribe";

// Templates in any script with the two slots anywhere (several times, or not at all); values of any length.
const text = fc.string({ unit: "grapheme", maxLength: 400 });
const template = fc
  .array(fc.oneof(text, fc.constant(SLOT_A), fc.constant(SLOT_B)), { maxLength: 12 })
  .map((pieces) => pieces.join(""));
const value = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.stringMatching(/^https:\/\/status\.example\.test\/s\/[A-Za-z0-9_-]{43}$/),
);

it("each recipient's body is exactly the base64 of their own filled-in email, whoever came first", () => {
  fc.assert(
    fc.property(
      template,
      fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 5 }),
      (t, recipients) => {
        for (const [a, b] of recipients) {
          const filled = {
            template: t,
            fills: [
              [SLOT_A, a],
              [SLOT_B, b],
            ] as const,
          };
          const expected = base64Lines(Buffer.from(fillTemplate(filled), "utf8"));
          expect(encodeFilledTemplate(filled).toString("latin1")).toBe(expected.toString("latin1"));
        }
      },
    ),
    { numRuns: 300 },
  );
});

it("recipients whose links are as long as the first's still get their own links", () => {
  const t = `<p>${"Ünïcode body text. ".repeat(200)}</p><a href="${SLOT_A}">Manage</a> · <a href="${SLOT_B}">Unsubscribe</a>`;
  for (const token of ["a".repeat(43), "b".repeat(43), "c".repeat(43)]) {
    const filled = {
      template: t,
      fills: [
        [SLOT_A, `https://status.example.test/m/${token}`],
        [SLOT_B, `https://status.example.test/u/${token}`],
      ] as const,
    };
    const decoded = Buffer.from(encodeFilledTemplate(filled).toString("latin1"), "base64").toString(
      "utf8",
    );
    expect(decoded).toBe(fillTemplate(filled));
    expect(decoded).toContain(`/u/${token}"`);
  }
});

it("a value that looks like a slot is left as it is", () => {
  expect(
    fillTemplate({
      template: `[${SLOT_A}]`,
      fills: [
        [SLOT_A, SLOT_B],
        [SLOT_B, "x"],
      ],
    }),
  ).toBe(`[${SLOT_B}]`);
});
