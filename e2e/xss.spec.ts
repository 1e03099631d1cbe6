import { expect, test, type Page } from "@playwright/test";
import { XSS_PAYLOADS } from "../lib/testing/xss-payloads";
import { signIn } from "./support/sign-in";

/** Anything that could still run: injected frames/objects, handler attributes, script URLs. */
const LIVE_MARKUP =
  "iframe, object, embed, [onerror], [onload], [ontoggle], a[href^='javascript' i], form[action^='javascript' i], main script";

/** Every alert() a payload manages to run ends up here instead of blocking the page. */
function collectDialogs(page: Page): string[] {
  const fired: string[] = [];
  page.on("dialog", (dialog) => {
    fired.push(dialog.message());
    void dialog.dismiss();
  });
  return fired;
}

test("script payloads typed into the console reach the public pages as text, never as code", async ({
  page,
}) => {
  const dialogs = collectDialogs(page);
  const stamp = Date.now();
  const componentName = `Payments <img src=x onerror=alert(1)> ${stamp}`;
  const title = `"><script>alert(1)</script> Checkout ${stamp}`;
  const marker = `Engineers are investigating ${stamp}.`;

  await signIn(page, "/admin/components");
  const addComponent = page.getByRole("form", { name: "Add component" });
  await addComponent.getByLabel("Name").fill(componentName);
  await addComponent.getByRole("button", { name: "Add component" }).click();
  await expect(page.getByRole("heading", { level: 3, name: componentName })).toBeVisible();

  await page.goto("/admin/incidents/new");
  const declare = page.getByRole("form", { name: "Declare incident" });
  await declare.getByLabel("Title").fill(title);
  await declare.getByLabel("First public update").fill([marker, ...XSS_PAYLOADS].join("\n\n"));
  await declare.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const incidentId = new URL(page.url()).pathname.split("/").pop();

  await page.goto("/");
  await expect(page.getByText(componentName, { exact: true }).first()).toBeVisible();
  await expect(page.getByText(title, { exact: true }).first()).toBeVisible();

  await page.goto(`/incidents/${incidentId}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(marker)).toBeVisible();
  // The link payloads keep their words but lose their javascript: targets.
  await expect(page.getByRole("main").getByText("x", { exact: true }).first()).toBeVisible();
  await expect(page.locator(LIVE_MARKUP)).toHaveCount(0);
  // Let failed images and frames settle: an onerror would have fired by now.
  await page.waitForLoadState("networkidle");
  expect(dialogs).toEqual([]);

  // Leave the shared server as other specs expect it: incident resolved, component hidden.
  await page.goto(`/admin/incidents/${incidentId}`);
  await page.locator("summary").filter({ hasText: "Resolve incident" }).click();
  await page
    .getByRole("form", { name: "Resolve incident" })
    .getByRole("button", { name: "Resolve incident" })
    .click();
  await expect(page.getByText("State: Resolved")).toBeVisible();
  await page.goto("/admin/components");
  const edit = page.getByRole("form", { name: `Edit ${componentName}` });
  // The form sits in a closed <details>, hidden until its summary is clicked.
  await page
    .locator("details")
    .filter({ has: page.getByRole("form", { name: `Edit ${componentName}`, includeHidden: true }) })
    .locator("summary")
    .click();
  await edit.getByLabel("Shown on the public page").uncheck();
  await edit.getByRole("button", { name: "Save component" }).click();
  await expect(page.getByText("Component saved.")).toBeVisible();
  await page.goto("/");
  await expect(page.getByText(componentName, { exact: true })).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
