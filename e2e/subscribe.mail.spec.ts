import { expect, test, type Page } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { E2E_SMTP_PORT } from "../playwright.config";
import { sentTo, startSmtpSink, type SmtpSink } from "../lib/testing/smtp-sink";

// *.mail.spec.ts run against the PGlite server only: it is the one with a mail transport.
let smtp: SmtpSink;
test.beforeAll(async () => {
  smtp = await startSmtpSink(E2E_SMTP_PORT);
});
test.afterAll(async () => {
  await smtp?.close();
});

const hrefTo = (mail: ParsedMail, path: string) =>
  (mail.html || "")
    .match(new RegExp(`href="([^"]*${path}\\?token=[^"]*)"`))?.[1]
    ?.replaceAll("&amp;", "&");

async function subscribe(page: Page, email: string) {
  await page.goto("/");
  await page.getByRole("link", { name: "Subscribe to updates" }).click();
  await expect(page.getByRole("heading", { name: "Subscribe to updates" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Only the components I tick:").check();
  await page.getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
}

test("a visitor subscribes, confirms from the email, and unsubscribes with one click", async ({
  page,
  request,
}) => {
  const email = `visitor-${Date.now()}@example.test`;
  await subscribe(page, email);

  // The worker may be finishing a batch it claimed before this spec's relay was up (mail queued by
  // earlier specs to a relay that was not there): allow it that lease before calling the mail lost.
  test.setTimeout(120_000);
  const confirmation = await smtp.waitFor(
    (m) => sentTo(m, email) && /^Confirm your subscription/.test(m.subject ?? ""),
    45_000,
  );
  expect(confirmation.text).toContain("expires in 48 hours");
  const confirmUrl = hrefTo(confirmation, "/subscribe/confirm");
  expect(confirmUrl).toBeTruthy();
  await page.goto(confirmUrl!);
  await expect(page.getByText(/One more step/)).toBeVisible();
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("status")).toContainText(
    `Subscribed: ${email} will receive updates.`,
  );
  // Done: the page no longer asks for the step just taken.
  await expect(page.getByText(/One more step/)).toHaveCount(0);
  await page.getByRole("link", { name: "Choose which components you hear about" }).click();
  await expect(page.getByText(`${email} is subscribed.`)).toBeVisible();

  // Subscribing again answers the same, and the email that comes carries RFC 8058 headers.
  await subscribe(page, email);
  const note = await smtp.waitFor(
    (m) => sentTo(m, email) && /^Your subscription/.test(m.subject ?? ""),
  );
  // mailparser folds the List-* headers into one "list" entry.
  const list = note.headers.get("list") as unknown as {
    unsubscribe: { url: string };
    "unsubscribe-post": { name: string };
  };
  expect(list["unsubscribe-post"].name).toBe("List-Unsubscribe=One-Click");
  const oneClick = await request.post(list.unsubscribe.url, {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(oneClick.status()).toBe(200);

  await page.goto(hrefTo(note, "/subscribe/manage")!);
  await expect(page.getByText(`${email} is not subscribed (you unsubscribed).`)).toBeVisible();
  // The old manage link cannot turn the address back on: only a new double opt-in can.
  await expect(page.getByRole("button", { name: /Subscribe again|Save preferences/ })).toHaveCount(
    0,
  );
  await expect(page.getByRole("link", { name: "subscribe again" })).toHaveAttribute(
    "href",
    "/subscribe",
  );
});

test("an expired or forged confirmation link says so", async ({ page }) => {
  await page.goto("/subscribe/confirm?token=not-a-real-token-at-all");
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("status")).toContainText("expired or is not valid");
});
