import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";

/** The public page's look on a desktop and a phone, light and dark: no sideways scroll, no serious WCAG finding. */
for (const [name, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 360, height: 780 }],
] as const) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`looks right on ${name} in ${colorScheme} mode`, async ({ page }, testInfo) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto("/");
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(viewport.width);
      await expectNoSeriousA11yViolations(page);
      await testInfo.attach(`status-page-${name}-${colorScheme}`, {
        body: await page.screenshot({ fullPage: true }),
        contentType: "image/png",
      });
    });
  }
}
