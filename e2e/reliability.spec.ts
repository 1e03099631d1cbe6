import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";

/** The value cell of one figure in the overall table. */
const overall = (page: Page, days: number, figure: string) =>
  page
    .getByRole("table", { name: `All components, last ${days} days` })
    .getByRole("row", { name: new RegExp(`^${figure}`) })
    .getByRole("cell")
    .first();

const SHARE = /^\d{1,3}% \(\d+ of \d+\)$/;

/** SEV1 count in an "N (SEV1 a, SEV2 b, …)" cell; 0 when absent. Other specs add incidents to this shared server, so compare windows rather than expect exact seeds. */
async function sev1Count(page: Page, days: number) {
  return Number(
    (await overall(page, days, "Incidents").textContent())?.match(/SEV1 (\d+)/)?.[1] ?? 0,
  );
}

test("the reliability page shows the seeded figures for the last 90 days, with how each is computed", async ({
  page,
}) => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Status pages" })
    .getByRole("link", { name: "Reliability" })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Reliability: last 90 days" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "90 days" })).toHaveAttribute("aria-current", "page");

  await expect(overall(page, 90, "Uptime")).toHaveText(/^(\d{2}\.\d{2}%|100%)$/);
  // The seeded SEV1 (34 days ago) and the open SEV2 both fall in the window.
  await expect(overall(page, 90, "Incidents")).toHaveText(/^\d+ \(SEV1 \d+, SEV2 \d+/);
  await expect(overall(page, 90, "Mean time to resolve")).toHaveText(/^\d+ (min|h|d)/);
  // The SEV1 has a published postmortem.
  await expect(overall(page, 90, "Postmortems published")).toHaveText(
    /^\d{1,3}% \([1-9]\d* of \d+\)$/,
  );
  await expect(overall(page, 90, "Updates on time")).toHaveText(SHARE);
  await expect(page.getByRole("row", { name: /^Mean time to resolve/ })).toContainText(
    "Average time from start to resolution",
  );

  const regions = page.getByRole("table", { name: "By component, last 90 days" });
  await expect(regions.getByRole("row", { name: /^US East \(N\. Virginia\)/ })).toContainText(
    "SEV2",
  );
  await expectNoSeriousA11yViolations(page);
});

test("switching the window recomputes the figures, and the page is served cacheable", async ({
  page,
}) => {
  const response = await page.goto("/reliability");
  expect(response?.headers()["cache-control"]).toMatch(/s-maxage=\d+/);

  const sev1In90Days = await sev1Count(page, 90);
  await page
    .getByRole("navigation", { name: "Time window" })
    .getByRole("link", { name: "30 days" })
    .click();
  await expect(page).toHaveURL(/\/reliability\?days=30$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Reliability: last 30 days" }),
  ).toBeVisible();
  // The seeded SEV1 started 34 days ago: counted in 90 days, not in 30.
  await expect(overall(page, 30, "Incidents")).toBeVisible();
  expect(await sev1Count(page, 30)).toBe(sev1In90Days - 1);
  await expect(overall(page, 30, "Updates on time")).toHaveText(SHARE);

  await page.getByRole("link", { name: "365 days" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Reliability: last 365 days" }),
  ).toBeVisible();
  await expect(overall(page, 365, "Incidents")).toBeVisible();
  expect(await sev1Count(page, 365)).toBe(sev1In90Days);
  await expectNoSeriousA11yViolations(page);
});

test("an unknown window falls back to 90 days", async ({ page }) => {
  await page.goto("/reliability?days=7");
  await expect(
    page.getByRole("heading", { level: 1, name: "Reliability: last 90 days" }),
  ).toBeVisible();
});
