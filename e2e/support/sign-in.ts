import { expect, type Locator, type Page } from "@playwright/test";
import { E2E_OWNER } from "../../playwright.config";

/** Signs in through the real form and lands on `path` (the console by default). */
export async function signIn(
  page: Page,
  path = "/admin",
  who: { email: string; password: string } = E2E_OWNER,
  base = "",
) {
  await page.goto(`${base}/signin?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email", { exact: true }).fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, "\\$&")}$`));
}

/** An owner (on `ownerPage`, in the console) adds a member and reads the one-time password shown once. */
export async function inviteMember(ownerPage: Page, role: "viewer" | "editor" | "owner") {
  await ownerPage.goto("/admin/team");
  const email = `${role}-${Date.now()}@e2e.test`;
  await ownerPage.getByLabel("Email", { exact: true }).fill(email);
  await ownerPage.getByLabel("Role", { exact: true }).selectOption(role);
  await ownerPage.getByRole("button", { name: "Add member" }).click();
  const message = await ownerPage.getByText(/One-time password: /).textContent();
  return { email, password: message!.split("One-time password: ")[1]!.trim() };
}

/** Types a new password into a form's "New password" pair (forced, reset and account forms alike). */
export async function fillNewPassword(scope: Page | Locator, password: string) {
  await scope.getByLabel("New password", { exact: true }).fill(password);
  await scope.getByLabel("New password again").fill(password);
}

/** Signs in with an invitation's one-time password, which leads only to the "Choose your password" page. */
export async function signInWithOneTimePassword(
  page: Page,
  invited: { email: string; password: string },
) {
  await page.goto("/signin?callbackUrl=%2Fadmin");
  await page.getByLabel("Email", { exact: true }).fill(invited.email);
  await page.getByLabel("Password").fill(invited.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
}

/** Signs in with an invitation's one-time password and chooses `newPassword` on the forced page. */
export async function acceptInvitation(
  page: Page,
  invited: { email: string; password: string },
  newPassword: string,
) {
  await signInWithOneTimePassword(page, invited);
  await fillNewPassword(page, newPassword);
  await page.getByRole("button", { name: "Set my password" }).click();
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
  return { email: invited.email, password: newPassword };
}
