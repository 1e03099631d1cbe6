import { expect, test } from "@playwright/test";
import { E2E_OWNER, E2E_SMTP_PORT } from "../playwright.config";
import { sentTo, startSmtpSink, type SmtpSink } from "../lib/testing/smtp-sink";

// *.mail.spec.ts run against the PGlite server only: it is the one with a mail transport.
let smtp: SmtpSink;
test.beforeAll(async () => {
  smtp = await startSmtpSink(E2E_SMTP_PORT);
});
test.afterAll(async () => {
  await smtp?.close();
});

test("a member signs in with the link emailed to them", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email for a sign-in link").fill(E2E_OWNER.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const mail = await smtp.waitFor((m) => sentTo(m, E2E_OWNER.email));
  expect(mail.subject).toMatch(/^Sign in to /);
  expect(mail.text).toContain("expires in 15 minutes");
  const link = (mail.html || "")
    .match(/href="([^"]*\/api\/auth\/callback\/email[^"]*)"/)?.[1]
    ?.replaceAll("&amp;", "&");
  expect(link).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test("a stranger asking for a link sees the same page and gets no email", async ({ page }) => {
  const before = smtp.messages.length;
  await page.goto("/signin");
  await page.getByLabel("Email for a sign-in link").fill("stranger@example.test");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.waitForTimeout(1000);
  expect(
    smtp.messages.slice(before).filter((m) => sentTo(m, "stranger@example.test")),
  ).toHaveLength(0);
});
