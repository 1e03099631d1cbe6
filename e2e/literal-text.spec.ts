import { expect, test } from "@playwright/test";
import { signInToConsole as signIn } from "./console-sign-in";
import { composer, declare, resolveHere, timelineItems } from "./support/incident-console";

test("angle-bracket text is published literally, and the preview warns what publishing will change", async ({
  page,
}) => {
  await signIn(page, "/admin");
  const url = await declare(page, { title: `EU endpoint errors ${Date.now()}` });
  const body = composer(page).getByLabel("Public update");
  await body.fill(
    "**Workaround:** Use the <region>-backup endpoint.\n\nSee [status](javascript:alert(1)).",
  );
  const preview = composer(page).getByTestId("markdown-preview");
  await expect(preview).toContainText("Use the <region>-backup endpoint.");
  const warnings = composer(page).getByRole("list", { name: "Publishing will change" });
  await expect(warnings).toContainText("Shown exactly as typed, not as formatting: <region>");
  await expect(warnings).toContainText("The link to javascript:alert(1) will be removed");
  // Plain Markdown changes nothing: no warning.
  await body.fill("**Workaround:** Use the backup endpoint.");
  await expect(warnings).toHaveCount(0);
  await body.fill("**Workaround:** Use the <region>-backup endpoint.");
  await composer(page).getByRole("button", { name: "Publish update" }).click();
  await expect(timelineItems(page).first()).toContainText("Use the <region>-backup endpoint.");

  const publicPage = await page.context().newPage();
  await publicPage.goto(new URL(url).pathname.replace("/admin", ""));
  await expect(publicPage.getByText("Use the <region>-backup endpoint.")).toBeVisible();
  await resolveHere(page);
});
