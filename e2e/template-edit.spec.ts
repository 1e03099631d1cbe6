import { expect, test } from "@playwright/test";
import { signInToConsole as signIn } from "./console-sign-in";
import { composer, declare, resolveHere } from "./support/incident-console";

test("a saved template can be edited, and any update can start from one", async ({ page }) => {
  const name = `DNS provider down ${Date.now()}`;
  await signIn(page, "/admin/incidents/new");
  await page.locator("summary").filter({ hasText: "Save a new template" }).click();
  const save = page.getByRole("form", { name: "Save as template" });
  await save.getByLabel("Template name").fill(name);
  await save.getByLabel("Incident title").fill("Some sites do not resolve");
  await save.getByLabel("Template first update").fill("**Impact:** Some hostnames fail.");
  await save.getByRole("button", { name: "Save template" }).click();
  const list = page.getByRole("list", { name: "Templates" });
  await expect(list).toContainText(name);

  await page
    .locator("summary")
    .filter({ hasText: `Edit ${name}` })
    .click();
  const edit = page.getByRole("form", { name: `Edit template ${name}` });
  await expect(edit.getByLabel("Incident title")).toHaveValue("Some sites do not resolve");
  await edit.getByLabel("Incident title").fill("Websites on custom domains do not load");
  await edit.getByRole("button", { name: "Save template" }).click();
  await expect(list).toContainText(`${name} · SEV2 · Websites on custom domains do not load`);

  // Any update, not only the first, may start from a template.
  await declare(page, { title: `DNS errors ${Date.now()}` });
  await composer(page).getByLabel("Template", { exact: true }).selectOption({ label: name });
  await composer(page).getByRole("button", { name: "Use template" }).click();
  await expect(composer(page).getByLabel("Public update")).toHaveValue(
    "**Impact:** Some hostnames fail.",
  );
  await resolveHere(page);
});
