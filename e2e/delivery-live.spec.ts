import { expect, test } from "@playwright/test";
import { signInToConsole as signIn } from "./console-sign-in";
import { composer, declare, resolveHere, timelineItems } from "./support/incident-console";

test("right after publishing, the update says its notifications are queued, then the counts follow without a reload", async ({
  page,
}) => {
  await signIn(page, "/admin/stakeholders");
  const add = page.getByRole("form", { name: "Add a stakeholder", exact: true });
  await add.getByLabel("Name").fill("VP Support");
  await add.getByLabel("Email").fill(`vp-${Date.now()}@e2e.test`);
  await add.getByRole("button", { name: "Add stakeholder" }).click();
  await declare(page, { title: `Search degraded ${Date.now()}` });

  await composer(page)
    .getByLabel("Public update")
    .fill("**Current status:** Search is slow; we are adding capacity.");
  await composer(page).getByRole("button", { name: "Publish update" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Update published." })).toBeVisible();
  const latest = timelineItems(page).first();
  await expect(latest).toContainText(/Queued for delivery…|Delivery: \d+\/\d+ sent/);
  await expect(latest).not.toContainText("No recipients");
  // The worker expands and delivers; the console catches up on its own.
  await expect(latest).toContainText(/Delivery: \d+\/[1-9]\d* sent/, { timeout: 15_000 });
  await resolveHere(page);
});
