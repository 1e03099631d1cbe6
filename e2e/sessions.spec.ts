import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  acceptInvitation,
  fillNewPassword,
  inviteMember,
  signIn,
  signInWithOneTimePassword,
} from "./support/sign-in";

/**
 * Sessions end for real: a copy of a session cookie (taken into a second
 * browser context, as a thief would) stops working after sign-out, a role
 * change or a password change; an invitation's password works only once.
 */

// Each walk signs several people in and out (bcrypt on every sign-in): more than the default budget on a busy machine.
test.describe.configure({ timeout: 90_000 });

/** The same session in a fresh browser: what someone who copied the cookie holds. */
async function copyOfSession(browser: Browser, page: Page) {
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  return context.newPage();
}

async function expectConsole(page: Page) {
  await page.goto("/admin/incidents");
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
}

async function expectSignedOut(page: Page) {
  await page.goto("/admin/incidents");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: "Sign in to the console" })).toBeVisible();
}

async function newMember(browser: Browser, ownerPage: Page, role: "viewer" | "editor") {
  const invited = await inviteMember(ownerPage, role);
  const page = await (await browser.newContext()).newPage();
  const member = await acceptInvitation(page, invited, `${role} chosen password`);
  return { page, ...member, oneTimePassword: invited.password };
}

test("an invited member must choose a password first; the one-time password then stops working", async ({
  page,
  browser,
}) => {
  await signIn(page, "/admin/team");
  const invited = await inviteMember(page, "editor");
  const member = await (await browser.newContext()).newPage();

  await signInWithOneTimePassword(member, invited);
  // Nothing in the console opens before that.
  await member.goto("/admin/incidents/new");
  await expect(member).toHaveURL(/\/signin\/new-password/);
  await fillNewPassword(member, invited.password);
  await member.getByRole("button", { name: "Set my password" }).click();
  await expect(
    member.getByText("Choose a password other than the one-time password."),
  ).toBeVisible();

  await acceptInvitation(member, invited, "an editor's own password");
  await expect(member.getByText(`${invited.email} · editor`)).toBeVisible();

  const other = await (await browser.newContext()).newPage();
  await other.goto("/signin");
  await other.getByLabel("Email", { exact: true }).fill(invited.email);
  await other.getByLabel("Password").fill(invited.password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByText("Wrong email or password.")).toBeVisible();
});

test("signing out ends a copied session too", async ({ page, browser }) => {
  await signIn(page, "/admin/team");
  const member = await newMember(browser, page, "editor");
  const copy = await copyOfSession(browser, member.page);
  await expectConsole(copy);

  await member.page.getByRole("button", { name: "Sign out" }).click();
  await expect(member.page).toHaveURL(/\/signin/);
  await expectSignedOut(copy);

  await signIn(member.page, "/admin", member);
  await expectConsole(member.page);
  await expectSignedOut(copy);
});

test("a role change ends the member's sessions; they sign in again under the new role", async ({
  page,
  browser,
}) => {
  await signIn(page, "/admin/team");
  const member = await newMember(browser, page, "editor");
  const copy = await copyOfSession(browser, member.page);
  await expectConsole(copy);

  await page.goto("/admin/team");
  const controls = page.getByRole("form", { name: `Change role of ${member.email}` });
  await controls.getByLabel(`Role of ${member.email}`).selectOption("viewer");
  await controls.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText(`${member.email} is now viewer.`)).toBeVisible();

  await expectSignedOut(member.page);
  await expectSignedOut(copy);
  await signIn(member.page, "/admin", member);
  await expect(member.page.getByText(`${member.email} · viewer`)).toBeVisible();
});

test("changing one's password needs the current one and signs out every other session", async ({
  page,
  browser,
}) => {
  await signIn(page, "/admin/team");
  const member = await newMember(browser, page, "viewer");
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, "/admin", member);

  const account = member.page;
  await account.getByRole("link", { name: "Account" }).click();
  const form = account.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not the password");
  await fillNewPassword(form, "a viewer's next password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(account.getByText("That is not your current password.")).toBeVisible();
  await expectConsole(elsewhere);

  await form.getByLabel("Current password").fill(member.password);
  await fillNewPassword(form, "a viewer's next password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(
    account.getByText("Password changed. Your other sessions were signed out."),
  ).toBeVisible();
  await expectConsole(account);
  await expectSignedOut(elsewhere);
  await signIn(elsewhere, "/admin", { email: member.email, password: "a viewer's next password" });
});
