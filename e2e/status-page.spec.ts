import { expect, test } from "@playwright/test";
import { findInHistory } from "./support/history";
import { expectNoSeriousA11yViolations } from "./support/axe";

test("the seeded page shows the active incident and when the next update is due", async ({
  page,
}) => {
  const response = await page.goto("/");
  expect(response?.headers()["cache-control"]).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
  expect(response?.headers()["etag"]).toBeTruthy();
  await expect(page.getByRole("status").filter({ hasText: "Partial System Outage" })).toBeVisible();
  const incident = page.getByRole("article").filter({ hasText: "Failed instance launches" });
  await expect(incident.getByText(/Next update by \d{2}:\d{2}/)).toBeVisible();
  await expect(incident.getByText("Identified", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a healthy group starts collapsed and expands", async ({ page }) => {
  await page.goto("/");
  const group = page.locator("details").filter({ hasText: "Core Platform" });
  await expect(group.getByText("Authentication & SSO")).toBeHidden();
  await group.locator("summary").click();
  await expect(group.getByText("Authentication & SSO")).toBeVisible();
});

test("a day's uptime detail opens from the keyboard", async ({ page }) => {
  await page.goto("/");
  const bar = page.getByRole("group", {
    name: "US East (N. Virginia): uptime over the last 90 days",
  });
  const today = bar.getByRole("button").last();
  await today.focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowRight");
  await expect(today).toBeFocused();
  await page.keyboard.press("Enter");
  const popover = page.locator(".uptime-popover:popover-open");
  await expect(popover).toBeVisible();
  await expect(popover).toContainText("uptime");
  await expect(
    popover.getByRole("link", { name: "Failed instance launches in US East (N. Virginia)" }),
  ).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
});

test("history pages by month and leads to incident permalinks with their postmortem", async ({
  page,
}) => {
  await page.goto("/history");
  await expect(page.getByRole("heading", { level: 1, name: /Incident history: / })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Walk back month by month until the incident with a published postmortem appears.
  await findInHistory(page, page.getByText("postmortem published"));
  const withRca = page
    .getByRole("listitem")
    .filter({ hasText: "postmortem published" })
    .getByRole("link");
  const title = (await withRca.textContent())!;
  await withRca.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Updates" })).toBeVisible();
  await expect(page.getByText("Duration")).toBeVisible();
  await expect(page.getByRole("link", { name: /Read the postmortem/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("an unknown incident is a real 404 page", async ({ page }) => {
  const response = await page.goto("/incidents/zzzzzzzzzzzz");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the uptime calendar shows a chosen component month by month", async ({ page }) => {
  await page.goto("/uptime");
  await page.getByLabel("Component").selectOption({ label: "EU West (Dublin)" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Uptime: EU West (Dublin)" }),
  ).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(3);
  await expectNoSeriousA11yViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the page is readable and its details still open", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByText("Partial System Outage")).toBeVisible();
    await expect(page.getByText(/Next update by/)).toBeVisible();
    await page.locator("details").filter({ hasText: "Core Platform" }).locator("summary").click();
    await expect(page.getByText("Authentication & SSO")).toBeVisible();
    await page
      .getByRole("group", { name: /^US East \(N\. Virginia\): uptime/ })
      .getByRole("button")
      .last()
      .click();
    await expect(page.locator(".uptime-popover:popover-open")).toContainText("uptime");
  });
});

test.describe("in a visitor's own time zone", () => {
  test.use({ timezoneId: "Asia/Tokyo" });
  test("times show in the visitor's zone, from one small script: no framework runtime, no inline script allowed", async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on(
      "request",
      (r) => void (r.resourceType() === "script" && scripts.push(new URL(r.url()).pathname)),
    );
    const response = await page.goto("/");
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self';/);
    const incident = page.getByRole("article").filter({ hasText: "Failed instance launches" });
    await expect(incident.getByText(/Next update by \d{2}:\d{2} GMT\+9/)).toBeVisible();
    expect(scripts).toEqual(["/herald-status.js"]);
  });
});

test("the front page lists the last seven days of incidents, quiet days included", async ({
  page,
}) => {
  await page.goto("/");
  const past = page.getByRole("region", { name: "Past incidents" });
  await expect(past.getByRole("heading", { level: 3 })).toHaveCount(7);
  await expect(past.getByText("No incidents reported.").first()).toBeVisible();
  // Resolved five days ago: no longer active, still on the front page.
  await past
    .getByRole("link", { name: "SAML single sign-on failing for some organizations" })
    .click();
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: "SAML single sign-on failing for some organizations",
    }),
  ).toBeVisible();
  await page.goBack();
  await past.getByRole("link", { name: "Incident history" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Incident history: / })).toBeVisible();
});
