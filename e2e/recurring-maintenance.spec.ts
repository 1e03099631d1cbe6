import { expect, test } from "@playwright/test";
import { signInToConsole as signIn } from "./console-sign-in";

test("an editor schedules a weekly window, sees it repeat, and stops the series", async ({
  page,
}) => {
  const title = `Weekly database patching ${Date.now()}`;
  await signIn(page, "/admin/maintenance");
  const form = page.getByRole("form", { name: "Schedule maintenance" });
  await form.getByLabel("Title").fill(title);
  // 02:00 to 04:00 on the page's clock (the seed's America/New_York), whatever the browser's zone.
  await form.getByLabel("Starts").fill("2031-03-02T02:00");
  await form.getByLabel("Ends").fill("2031-03-03T04:00");
  await form.getByLabel("Repeats").selectOption("daily");
  await form.getByLabel("Regions · US West (Oregon)").check();
  await form.getByLabel("Public description (Markdown)").fill("Replicas restart one at a time.");
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  // 26 hours every day would overlap the next occurrence: said, and nothing scheduled.
  await expect(
    form.getByText("A repeating window must end before its next occurrence starts."),
  ).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);

  await form.getByLabel("Ends").fill("2031-03-02T04:00");
  await form.getByLabel("Repeats").selectOption("weekly");
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page.getByText("Maintenance scheduled.")).toBeVisible();
  const row = page.getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText("Repeats every week");

  await page.goto("/");
  await expect(page.getByRole("region", { name: "Upcoming maintenance" })).toContainText(title);

  await page.goto("/admin/maintenance");
  await row.getByRole("button", { name: "Stop repeating" }).click();
  await expect(row).not.toContainText("Repeats every week");
  await expect(row.getByRole("button", { name: "Start now" })).toBeVisible();
});
