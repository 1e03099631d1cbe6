import fc from "fast-check";
import { simpleParser } from "mailparser";
import { expect, it } from "vitest";
import { buildMimeMessage } from "./mime-message";

/** RFC 2047 encoded words back to text (what a mail client shows); mailparser leaves List-Id's as they are. */
function decodeWords(value: string): string {
  const words = value.split(/\s+/).map((w) => /^=\?UTF-8\?([BQ])\?(.*)\?=$/i.exec(w));
  if (!words.every((w) => w !== null)) return value;
  const bytes = (words as RegExpExecArray[]).map(([, kind, data]) =>
    kind!.toUpperCase() === "B"
      ? Buffer.from(data!, "base64")
      : Buffer.from(
          data!
            .replace(/_/g, " ")
            .replace(/=([0-9A-F]{2})/gi, (_: string, hex: string) =>
              String.fromCharCode(parseInt(hex, 16)),
            ),
          "latin1",
        ),
  );
  return Buffer.concat(bytes).toString("utf8");
}

// Printable text in any script, as page names, subjects and bodies are; no control characters.
const words = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 60 })
  .map((s) => s.trim() || "x");
// Sender and page names as bulkHeaders and MAIL_FROM leave them: no quotes or backslashes.
const names = words.map((s) => s.replace(/["\\]/g, "").trim() || "x");
const body = fc.string({ unit: "grapheme", maxLength: 3_000 });

it("a mail client reads back exactly what Herald composed: names, subject, both bodies and list headers", async () => {
  await fc.assert(
    fc.asyncProperty(names, words, body, body, names, async (name, subject, text, html, page) => {
      const raw = buildMimeMessage({
        from: `"${name}" <status@example.test>`,
        to: "reader@example.test",
        subject,
        text,
        html: `<p>${html}</p>`,
        messageId: "<abc@example.test>",
        baseBoundary: "seed",
        headers: {
          "List-Id": `"${page}" <subscribers.example.test>`,
          "List-Unsubscribe": "<https://status.example.test/unsubscribe/t0k3n>",
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          "Auto-Submitted": "auto-generated",
        },
      });
      // SMTP's line limit (RFC 5321: 998 characters) holds whatever the content.
      expect(
        Math.max(
          ...raw
            .toString("latin1")
            .split("\r\n")
            .map((l) => l.length),
        ),
      ).toBeLessThan(999);
      const mail = await simpleParser(raw);
      expect(mail.from?.value[0]).toEqual({
        name: name.trim(),
        address: "status@example.test",
      });
      expect(mail.to).toMatchObject({ value: [{ address: "reader@example.test" }] });
      expect(mail.subject).toBe(subject);
      expect((mail.text ?? "").replace(/\n$/, "")).toBe(
        text.replace(/\r\n?/g, "\n").replace(/\n$/, ""),
      );
      expect(mail.html).toBe(`<p>${html}</p>`);
      expect(mail.messageId).toBe("<abc@example.test>");
      expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
      const line = (key: string) => mail.headerLines.find((h) => h.key === key)?.line;
      expect(line("list-unsubscribe")).toBe(
        "List-Unsubscribe: <https://status.example.test/unsubscribe/t0k3n>",
      );
      expect(line("list-unsubscribe-post")).toBe(
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
      );
      // The id stays bare for filters; the page's name may be encoded words (which mailparser leaves as they are).
      const list = mail.headers.get("list") as unknown as { id: { id: string; name: string } };
      expect(list.id.id).toBe("subscribers.example.test");
      expect(decodeWords(list.id.name)).toBe(page);
    }),
    { numRuns: 150 },
  );
});

it("the same message composed twice is byte for byte the same, so a retried send is the same email", () => {
  const parts = {
    from: "status@example.test",
    to: "reader@example.test",
    subject: "Update",
    text: "Hi",
    html: "<p>Hi</p>",
    messageId: "<abc@example.test>",
    baseBoundary: "seed",
    date: new Date("2026-12-02T14:30:00Z"),
  };
  expect(buildMimeMessage(parts).equals(buildMimeMessage(parts))).toBe(true);
  expect(buildMimeMessage(parts).toString()).toMatch(/^Date: Wed, 02 Dec 2026 14:30:00 \+0000$/m);
});

it("recipients of one variant get byte for byte what composing each email whole gives", () => {
  const local = fc.stringMatching(/^[a-z0-9._+-]{1,20}$/);
  const address = fc.oneof(
    local.map((l) => `${l}@example.test`),
    words.map((w) => `${w.replace(/[\s"\\<>,;:()@[\]]/g, "") || "x"}@exämple.test`),
  );
  const hex16 = fc.stringMatching(/^[0-9a-f]{16}$/);
  const recipient = fc.record({
    to: address,
    boundary: fc.oneof(hex16, fc.constant("seed")),
    token: fc.stringMatching(/^[A-Za-z0-9_-]{10,80}$/),
  });
  fc.assert(
    fc.property(
      names,
      words,
      names,
      fc.array(recipient, { minLength: 1, maxLength: 4 }),
      (name, subject, page, recipients) => {
        for (const { to, boundary, token } of recipients) {
          const unsubscribe = `https://status.example.test/unsubscribe/${token}`;
          const template = `<p>Hello</p><a href="SLOT">Unsubscribe</a>`;
          const parts = {
            from: `"${name}" <status@example.test>`,
            to,
            subject,
            text: `Unsubscribe: ${unsubscribe}`,
            html: template.replace("SLOT", unsubscribe),
            bodies: {
              text: { template: "Unsubscribe: SLOT", fills: [["SLOT", unsubscribe]] as const },
              html: { template, fills: [["SLOT", unsubscribe]] as const },
            },
            messageId: `<${token}@example.test>`,
            baseBoundary: boundary,
            date: new Date("2026-12-02T14:30:00Z"),
            headers: {
              "Auto-Submitted": "auto-generated",
              "List-Id": `"${page}" <subscribers.example.test>`,
              "List-Unsubscribe": `<${unsubscribe}>`,
              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
          };
          expect(buildMimeMessage(parts).toString("latin1")).toBe(
            buildMimeMessage(parts, { reuse: false }).toString("latin1"),
          );
        }
      },
    ),
    { numRuns: 200 },
  );
});
