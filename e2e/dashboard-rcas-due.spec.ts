import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

// Seeded: resolved five days ago with "RCA by" four days from now. (Runs before postmortems.spec.ts publishes that RCA.)
const INCIDENT = "SAML single sign-on failing for some organizations";

test("the dashboard lists promised RCAs with their dates, in words", async ({ page }) => {
  await signIn(page, "/admin");
  const section = page.getByRole("region", { name: /^RCAs due \(\d+\)$/ });
  const item = section.getByRole("listitem").filter({ hasText: INCIDENT });
  // "Dec 4": the year is said only when it is not this one.
  const nextYear = new Date().getFullYear() + 1;
  await expect(item).toContainText(
    new RegExp(`promised by [A-Z][a-z]{2} \\d{1,2}(, ${nextYear})? · due in [45] days`),
  );
  await item.getByRole("link", { name: INCIDENT }).click();
  await expect(page).toHaveURL(/\/admin\/postmortems\/[0-9a-z]{12}$/);
});
