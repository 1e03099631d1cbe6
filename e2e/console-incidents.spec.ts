import { expect, test, type Page } from "@playwright/test";
import { signInToConsole as signIn } from "./console-sign-in";

const composer = (page: Page) => page.getByRole("form", { name: "Publish update" });
const timelineItems = (page: Page) =>
  page
    .getByRole("list", { name: "Updates" })
    .getByRole("listitem")
    .filter({ has: page.locator("strong") });

test("an editor declares a SEV1, keeps the cadence with two updates, and resolves it", async ({
  page,
}) => {
  const title = `Checkout payments failing ${Date.now()}`;
  await signIn(page, "/admin/incidents");
  await page.getByRole("link", { name: "Declare incident" }).click();

  const declare = page.getByRole("form", { name: "Declare incident" });
  await declare.getByLabel("Title").fill(title);
  await declare.getByLabel("Core Platform · Billing").selectOption("major_outage");
  // The first update is prefilled from the choices above, and previewed as it will be published.
  await expect(page.getByTestId("markdown-preview")).toContainText(
    "Customers may see errors or slowness using Billing.",
  );
  await expect(page.getByTestId("markdown-preview")).toContainText(
    "Next update: Within 30 minutes",
  );
  await declare.getByLabel("Internal note").fill("Stripe webhooks timing out");
  await declare.getByRole("button", { name: "Declare incident" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("SEV1 · critical: full outage or data loss")).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText(/^Next update due in (30:00|29:\d\d)$/);
  const firstTick = await page.getByRole("timer").textContent();
  await expect(page.getByRole("timer")).not.toHaveText(firstTick!);
  await expect(timelineItems(page)).toHaveCount(1);
  await expect(page.getByText("Stripe webhooks timing out")).toBeVisible();

  // The public page shows the incident while it is open.
  const publicPage = await page.context().newPage();
  await publicPage.goto("/");
  await expect(publicPage.getByText(title).first()).toBeVisible();

  // Update 1: a holding statement, moving to "identified".
  await composer(page).getByLabel("State").selectOption("identified");
  await composer(page).getByRole("button", { name: "Holding statement" }).click();
  await expect(composer(page).getByLabel("Public update")).toHaveValue(
    /There is no new information to share yet/,
  );
  await composer(page).getByRole("button", { name: "Publish update" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Update published." })).toBeVisible();
  await expect(timelineItems(page)).toHaveCount(2);
  await expect(page.getByText("State: Identified")).toBeVisible();

  // Update 2: a written update that brings Billing back to degraded while monitoring.
  await composer(page).getByLabel("State").selectOption("monitoring");
  await composer(page)
    .getByLabel("Public update")
    .fill("**Current status:** A fix is deployed; payments are succeeding again.");
  await expect(page.getByTestId("markdown-preview").first()).toContainText("A fix is deployed");
  await composer(page).getByLabel("Core Platform · Billing").selectOption("degraded_performance");
  await composer(page).getByRole("button", { name: "Publish update" }).click();
  await expect(timelineItems(page)).toHaveCount(3);
  await expect(timelineItems(page).first()).toContainText("Monitoring");
  await expect(timelineItems(page).first()).toContainText(
    "Billing: Major outage → Degraded performance",
  );
  await expect(page.getByRole("timer")).toHaveText(/^Next update due in/);

  // Resolve, promising an RCA.
  await page.locator("summary").filter({ hasText: "Resolve incident" }).click();
  await page.getByLabel("RCA by (optional)").fill("2030-01-15");
  await page
    .getByRole("form", { name: "Resolve incident" })
    .getByRole("button", { name: "Resolve incident" })
    .click();
  await expect(page.getByText("State: Resolved")).toBeVisible();
  await expect(page.getByText("RCA promised by Jan 15, 2030")).toBeVisible();
  await expect(page.getByRole("timer")).toHaveCount(0);
  await expect(timelineItems(page).first()).toContainText(
    "Billing: Degraded performance → Operational",
  );
  await expect(page.getByRole("form", { name: "Publish update" })).toHaveCount(0);
});

test("a rejected declaration names the missing title and keeps what was typed", async ({
  page,
}) => {
  await signIn(page, "/admin/incidents/new");
  const declare = page.getByRole("form", { name: "Declare incident" });
  await declare.getByLabel("Internal note").fill("keep me");
  await declare.getByRole("button", { name: "Declare incident" }).click();
  // The browser's own required check stops an empty title first; a whitespace title reaches the server.
  await declare.getByLabel("Title").fill("   ");
  await declare.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByText("Enter a title customers will understand.")).toBeVisible();
  await expect(declare.getByLabel("Internal note")).toHaveValue("keep me");
});

test("health reports ok while the console is in use", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok" });
});

test("an editor saves a template, then declares from it with the form prefilled", async ({
  page,
}) => {
  const name = `Payment provider down ${Date.now()}`;
  await signIn(page, "/admin/incidents/new");
  await page.locator("summary").filter({ hasText: "Save a new template" }).click();
  const save = page.getByRole("form", { name: "Save as template" });
  await save.getByLabel("Template name").fill(name);
  await save.getByLabel("Incident title").fill("Card payments are failing");
  await save.getByLabel("Template severity").selectOption("SEV2");
  await save.getByLabel("Core Platform · Billing").check();
  await save
    .getByLabel("Template first update")
    .fill("**Impact:** Card payments fail at checkout.\n\n**Workaround:** Pay by invoice.");
  await save.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByRole("list", { name: "Templates" })).toContainText(name);

  const picker = page.getByRole("form", { name: "Start from a template" });
  await picker.getByLabel("Start from a template").selectOption({ label: name });
  await picker.getByRole("button", { name: "Use template" }).click();
  const declare = page.getByRole("form", { name: "Declare incident" });
  await expect(declare.getByLabel("Title")).toHaveValue("Card payments are failing");
  await expect(declare.getByLabel("Severity")).toHaveValue("SEV2");
  await expect(declare.getByLabel("Core Platform · Billing")).toHaveValue("partial_outage");
  await expect(page.getByTestId("markdown-preview")).toContainText(
    "Card payments fail at checkout.",
  );

  await declare.getByRole("button", { name: "Declare incident" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Card payments are failing" }),
  ).toBeVisible();
  await expect(page.getByText("Pay by invoice.").first()).toBeVisible();
  // Leave Billing operational for whatever runs next.
  await page.locator("summary").filter({ hasText: "Resolve incident" }).click();
  await page
    .getByRole("form", { name: "Resolve incident" })
    .getByRole("button", { name: "Resolve incident" })
    .click();
  await expect(page.getByText("State: Resolved")).toBeVisible();
});
