import { expect, test } from "@playwright/test";
import { signInToConsole as signIn } from "./console-sign-in";

// The seeded page's zone is America/New_York; this browser is in Tokyo, 14 hours ahead in March.
test.use({ timezoneId: "Asia/Tokyo" });

test("a window typed as 14:30 is 14:30 on the page's clock, with the viewer's own time as a hint", async ({
  page,
  browser,
}) => {
  const title = `Load balancer swap ${Date.now()}`;
  await signIn(page, "/admin/maintenance");
  const form = page.getByRole("form", { name: "Schedule maintenance" });
  await form.getByLabel("Title").fill(title);
  const starts = form.getByLabel("Starts");
  await expect(starts).toHaveAccessibleDescription(/^Times in America\/New_York \(E[SD]T\)\.$/);
  await starts.fill("2031-03-01T14:30");
  await expect(starts).toHaveAccessibleDescription(
    "Times in America/New_York (EST). Your time: Mar 2, 2031, 04:30 GMT+9",
  );
  await form.getByLabel("Ends").fill("2031-03-01T15:30");
  await expect(form.getByText("Your time: Mar 2, 2031, 05:30 GMT+9")).toBeVisible();
  await form.getByLabel("Regions · US West (Oregon)").check();
  await form.getByLabel("Public description (Markdown)").fill("Connections may drop once.");
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page.getByText("Maintenance scheduled.")).toBeVisible();

  // The console reads it on the page's clock.
  const row = page.getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText("Mar 1, 2031, 14:30 EST – Mar 1, 2031, 15:30 EST");

  // The public page shows a visitor the moment on their own clock (its script)…
  await page.goto("/");
  const shown = page
    .getByRole("region", { name: "Upcoming maintenance" })
    .getByRole("article")
    .filter({ hasText: title });
  await expect(shown).toContainText("Mar 2, 2031, 04:30 GMT+9 – 05:30 GMT+9");

  // …and, as served and read without JavaScript, on the page's clock, zone named.
  const plain = await (
    await browser.newContext({ javaScriptEnabled: false, timezoneId: "Asia/Tokyo" })
  ).newPage();
  const served = plain
    .getByRole("region", { name: "Upcoming maintenance" })
    .getByRole("article")
    .filter({ hasText: title });
  // A signed-out reader may be served the page from before the change for a moment.
  await expect(async () => {
    await plain.goto("/");
    await expect(served).toContainText("Mar 1, 2031, 14:30 EST – 15:30 EST", { timeout: 1_000 });
  }).toPass();
  await plain.context().close();
});
