import { expect, test, type Page } from "@playwright/test";
import { signInToConsole as signIn } from "./console-sign-in";
import { acceptInvitation, inviteMember } from "./support/sign-in";

const componentNames = (page: Page, group: string) =>
  page.getByRole("region", { name: group }).getByRole("heading", { level: 3 }).allTextContents();

test("an editor reorders components from the keyboard and sets a status by hand", async ({
  page,
}) => {
  await signIn(page, "/admin/components");
  expect((await componentNames(page, "Core Platform")).slice(0, 2)).toEqual([
    "Dashboard",
    "Authentication & SSO",
  ]);
  await page.getByRole("button", { name: "Move Authentication & SSO up" }).focus();
  await page.keyboard.press("Enter");
  await expect
    .poll(async () => (await componentNames(page, "Core Platform")).slice(0, 2))
    .toEqual(["Authentication & SSO", "Dashboard"]);

  await page.getByLabel("Status of Billing", { exact: true }).selectOption("partial_outage");
  await page
    .getByRole("form", { name: "Set status of Billing" })
    .getByRole("button", { name: "Set status" })
    .click();
  await expect(page.getByText("Status set.")).toBeVisible();
  await page.goto("/admin/audit?action=component.status");
  await expect(page.getByRole("list", { name: "Audit entries" })).toContainText("component.status");
});

test("maintenance started now shows its components under maintenance", async ({ page }) => {
  await signIn(page, "/admin/maintenance");
  const form = page.getByRole("form", { name: "Schedule maintenance" });
  await form.getByLabel("Title").fill("Storage firmware upgrade");
  // Times are typed in the page's zone (the seed's America/New_York), whatever the browser's.
  await form.getByLabel("Starts").fill("2031-03-01T10:00");
  await form.getByLabel("Ends").fill("2031-03-01T11:00");
  await form.getByLabel("Regions · US West (Oregon)").check();
  await form.getByLabel("Public description (Markdown)").fill("Volumes may be briefly read-only.");
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page.getByText("Maintenance scheduled.")).toBeVisible();
  const lifecycle = page.getByRole("form", { name: "Change state of Storage firmware upgrade" });
  await lifecycle.getByRole("button", { name: "Start now" }).click();
  // Once in progress, the next steps are offered instead of "Start now".
  await expect(lifecycle.getByRole("button", { name: "Complete" })).toBeVisible();
  await page.goto("/admin/components");
  await expect(page.getByLabel("Status of US West (Oregon)", { exact: true })).toHaveValue(
    "under_maintenance",
  );
});

test("an owner adds a viewer, who can read the console but sees no write controls", async ({
  page,
  browser,
}) => {
  await signIn(page, "/admin/team");
  const invited = await inviteMember(page, "viewer");
  const email = invited.email;

  const viewerPage = await (await browser.newContext()).newPage();
  await acceptInvitation(viewerPage, invited, "the viewer's own password");
  await expect(viewerPage.getByText(`${email} · viewer`)).toBeVisible();
  await viewerPage.getByRole("link", { name: "Incidents", exact: true }).click();
  await expect(viewerPage.getByRole("link", { name: "Declare incident" })).toHaveCount(0);
  await viewerPage.getByRole("main").getByRole("link").first().click();
  await expect(viewerPage.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Publish update" })).toHaveCount(0);
  await viewerPage.goto("/admin/components");
  await expect(
    viewerPage.getByText("Only editors can change components; you can read them."),
  ).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Set status" })).toHaveCount(0);
});
