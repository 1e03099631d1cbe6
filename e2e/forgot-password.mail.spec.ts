import { expect, test, type Page } from "@playwright/test";
import { E2E_SMTP_PORT } from "../playwright.config";
import { sentTo, startSmtpSink, type SmtpSink } from "../lib/testing/smtp-sink";
import { acceptInvitation, fillNewPassword, inviteMember, signIn } from "./support/sign-in";

// *.mail.spec.ts run against the PGlite server only: it is the one with a mail transport.
let smtp: SmtpSink;
test.beforeAll(async () => {
  smtp = await startSmtpSink(E2E_SMTP_PORT);
});
test.afterAll(async () => {
  await smtp?.close();
});

// Each walk signs several people in and out (bcrypt on every sign-in): more than the default budget on a busy machine.
test.describe.configure({ timeout: 90_000 });

const SAME_ANSWER =
  "If that address belongs to a member, a link to choose a new password is on its way. It expires in 30 minutes.";

async function askForLink(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText(SAME_ANSWER)).toBeVisible();
}

test("a member who forgot their password sets a new one from the emailed link, once", async ({
  page,
  browser,
}) => {
  await signIn(page, "/admin/team");
  const invited = await inviteMember(page, "editor");
  const memberPage = await (await browser.newContext()).newPage();
  const member = await acceptInvitation(memberPage, invited, "first chosen password");

  const visitor = await (await browser.newContext()).newPage();
  await askForLink(visitor, member.email);
  const mail = await smtp.waitFor((m) => sentTo(m, member.email));
  expect(mail.subject).toMatch(/^Reset your .* password$/);
  expect(mail.text).toContain("expires in 30 minutes");
  const link = (mail.html || "")
    .match(/href="([^"]*\/signin\/reset\?token=[^"]*)"/)?.[1]
    ?.replaceAll("&amp;", "&");
  expect(link).toBeTruthy();

  await visitor.goto(link!);
  await fillNewPassword(visitor, "password after reset");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(
    visitor.getByText("Your password was changed. Sign in with the new one."),
  ).toBeVisible();
  // The reset ended the session the member already had.
  await memberPage.goto("/admin");
  await expect(memberPage).toHaveURL(/\/signin/);
  await signIn(visitor, "/admin", { email: member.email, password: "password after reset" });

  const again = await (await browser.newContext()).newPage();
  await again.goto(link!);
  await fillNewPassword(again, "someone else's password");
  await again.getByRole("button", { name: "Set new password" }).click();
  await expect(
    again.getByText("This reset link has expired or was already used. Ask for a new one."),
  ).toBeVisible();
});

test("a stranger gets the same answer and no email", async ({ page }) => {
  const before = smtp.messages.length;
  await askForLink(page, "stranger@example.test");
  await page.waitForTimeout(1000);
  expect(
    smtp.messages.slice(before).filter((m) => sentTo(m, "stranger@example.test")),
  ).toHaveLength(0);
});
