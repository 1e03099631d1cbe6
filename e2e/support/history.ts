import type { Locator, Page } from "@playwright/test";

/**
 * Opens /history and walks back month by month, as a reader would, until `target`
 * is on the page: seeded incidents sit days in the past, so early in a month they
 * are on the previous month's page.
 */
export async function findInHistory(page: Page, target: Locator, months = 4): Promise<void> {
  await page.goto("/history");
  for (let i = 0; i < months && (await target.count()) === 0; i++) {
    const previous = page.getByRole("navigation", { name: "Months" }).getByRole("link", {
      name: /←/,
    });
    await page.goto((await previous.getAttribute("href"))!);
  }
}
