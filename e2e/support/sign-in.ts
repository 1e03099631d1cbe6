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
