import { expect, test, type Page } from "@playwright/test";
import { signInToConsole as signIn } from "./console-sign-in";
import { composer, declare, resolveHere } from "./support/incident-console";

/** How far the page is wider than the window: 0 when nothing makes a phone scroll sideways. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("a comms lead can run an incident from a phone at 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "/admin");
  await expect.poll(() => sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await declare(page, { title: `Phone check ${Date.now()}` });
  await expect.poll(() => sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await composer(page).getByLabel("State").selectOption("identified");
  await composer(page).getByRole("button", { name: "Publish update" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Update published." })).toBeVisible();
  await expect.poll(() => sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await resolveHere(page);
  await page.goto("/reliability");
  await expect.poll(() => sidewaysOverflow(page)).toBeLessThanOrEqual(0);
});

test("the console nav stays on one line on a 1366 px laptop", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, "/admin");
  const nav = page.getByRole("navigation", { name: "Console" });
  const links = nav.getByRole("link");
  const first = await links.first().boundingBox();
  const last = await links.last().boundingBox();
  expect(Math.abs(first!.y - last!.y)).toBeLessThan(2);
  // And everything in it is on screen, nothing hidden behind a scroll.
  expect(last!.x + last!.width).toBeLessThanOrEqual(1366);
});
