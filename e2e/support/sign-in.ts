import { expect, type Page } from "@playwright/test";
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

/** Signs in with an invitation's one-time password and chooses `newPassword` on the forced page. */
export async function acceptInvitation(
  page: Page,
  invited: { email: string; password: string },
  newPassword: string,
) {
  await page.goto("/signin?callbackUrl=%2Fadmin");
  await page.getByLabel("Email", { exact: true }).fill(invited.email);
  await page.getByLabel("Password").fill(invited.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Set my password" }).click();
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
  return { email: invited.email, password: newPassword };
}
