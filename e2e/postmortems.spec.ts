import { expect, test } from "@playwright/test";
import { findInHistory } from "./support/history";
import { signIn } from "./support/sign-in";

const INCIDENT = "SAML single sign-on failing for some organizations";

test("a comms lead writes, previews, publishes and revises an RCA that customers can read", async ({
  page,
}) => {
  await signIn(page, "/admin/postmortems");
  const row = page.getByRole("row").filter({ hasText: INCIDENT });
  await expect(row).toContainText("Not started");
  await row.getByRole("link", { name: INCIDENT }).click();
  await page.getByRole("button", { name: "Start postmortem" }).click();

  await expect(page.getByLabel("Timeline")).toHaveValue(/Incident began/);
  await page
    .getByLabel("Summary")
    .fill("For 90 minutes, SAML sign-in failed for about 300 organizations.");
  await page
    .getByLabel("Root cause")
    .fill("A certificate rotation shipped without the **intermediate** chain; human error.");
  await expect(page.getByRole("complementary", { name: "Blameless wording hints" })).toContainText(
    "human error",
  );
  await page
    .getByLabel("Root cause")
    .fill(
      "A certificate rotation shipped without the **intermediate** chain, and no check caught it.",
    );
  await expect(page.getByRole("complementary", { name: "Blameless wording hints" })).toBeHidden();
  await page
    .getByLabel("Resolution")
    .fill("We restored the full chain and added a chain check to the rotation job.");
  await expect(page.getByText(/Draft saved/)).toBeVisible();

  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.locator("strong", { hasText: "intermediate" })).toBeVisible();
  await page.getByRole("button", { name: "Back to editing" }).click();

  await page.getByRole("button", { name: "Add action item" }).click();
  await page.getByLabel("Action 1").fill("Verify certificate chains before rotation");
  await page.getByLabel("Owner (team or role)").fill("Identity team");
  await page.getByRole("button", { name: "Save action items" }).click();
  await expect(page.getByText("Action items saved.")).toBeVisible();

  await page.getByRole("button", { name: "Publish postmortem" }).click();
  await expect(page.getByText("Published. Customers can read it now.")).toBeVisible();

  await findInHistory(page, page.getByRole("link", { name: INCIDENT }));
  await page.getByRole("link", { name: INCIDENT }).click();
  await page.getByRole("link", { name: /Read the postmortem/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: INCIDENT })).toBeVisible();
  await expect(page.getByRole("region", { name: "Root cause" })).toContainText(
    "no check caught it",
  );
  await expect(
    page.getByRole("row").filter({ hasText: "Verify certificate chains before rotation" }),
  ).toContainText("Open");
  await expect(page.getByText(/revised on/)).toBeHidden();

  // Revise: the public page says so and keeps the first version.
  await page.goto("/admin/postmortems");
  await page.getByRole("link", { name: INCIDENT }).click();
  await page
    .getByLabel("Root cause")
    .fill(
      "A certificate rotation shipped without the intermediate chain; the rotation job had no chain check.",
    );
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  await page.getByRole("button", { name: "Publish revision 2" }).click();
  await expect(page.getByText("Revision 2 published.")).toBeVisible();

  const response = await page.goto(
    page.url().replace(/\/admin\/postmortems\/(\w+)$/, "/incidents/$1/postmortem"),
  );
  expect(response?.status()).toBe(200);
  await expect(page.getByText(/revised on/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Root cause" })).toContainText(
    "the rotation job had no chain check",
  );
  await page.getByRole("link", { name: "Revision 1" }).click();
  await expect(page.getByText("You are reading revision 1 of 2.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Root cause" })).toContainText(
    "no check caught it",
  );
});
