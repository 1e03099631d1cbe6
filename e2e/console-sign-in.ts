import { expect, type Page } from "@playwright/test";
import { E2E_OWNER } from "../playwright.config";

/**
 * Signs in with a password (the e2e owner by default, who holds editor rights)
 * and waits until the console shows, so the next steps act on the console page.
 */
export async function signInToConsole(
  page: Page,
  callbackUrl: string,
  who: { email: string; password: string } = E2E_OWNER,
) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email", { exact: true }).fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
}
