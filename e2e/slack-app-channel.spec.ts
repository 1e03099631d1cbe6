import { expect, test } from "@playwright/test";
import { signInToConsole } from "./console-sign-in";
import { composer, declare, resolveHere } from "./support/incident-console";

/*
 * Slack app mode as an editor meets it (the servers run with SLACK_BOT_TOKEN and
 * an API host that never resolves). Threads, edits and Slack's answers are
 * checked against a loopback Web API stand-in in lib/slack-app/*.test.ts.
 */
test("an editor adds a Slack channel by id, sees it in the composer's preview, then removes it", async ({
  page,
}) => {
  await signInToConsole(page, "/admin/stakeholders");
  const add = page.getByRole("form", { name: "Add a Slack channel (app)" });
  const id = `C0E2E${Date.now().toString(36).toUpperCase()}`;
  await add.getByLabel("Slack channel id (app)").fill("#exec-incidents");
  await add.getByRole("button", { name: "Add Slack channel" }).click();
  await expect(add.getByLabel("Slack channel id (app)")).toHaveAccessibleDescription(
    /Enter the channel's id/,
  );
  await add.getByLabel("Slack channel id (app)").fill(id);
  await add.getByRole("button", { name: "Add Slack channel" }).click();
  await expect(page.getByText("Slack channel added: each incident gets one thread")).toBeVisible();
  const ours = page
    .getByRole("list", { name: "Stakeholder chat channels" })
    .getByRole("listitem")
    .filter({ hasText: id });
  await expect(ours).toContainText("Slack channel (app)");
  await expect(ours).toContainText("Active");

  await declare(page, { title: `Slack app preview ${Date.now()}` });
  await composer(page).getByLabel("Public update").fill("Payments fail for <some> & we are on it.");
  const around = composer(page).locator("xpath=..");
  await around.getByRole("button", { name: "Preview in chat channels" }).click();
  const card = around.getByRole("listitem", { name: "Slack channel (app) (stakeholders) preview" });
  await expect(card).toContainText("[Internal]");
  await expect(card).toContainText("Payments fail for <some> & we are on it.");
  await resolveHere(page);

  await page.goto("/admin/stakeholders");
  await ours.getByRole("button", { name: "Remove" }).click();
  await expect(ours).toHaveCount(0);
});
