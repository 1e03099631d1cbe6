import { expect, test } from "@playwright/test";
import { signInToConsole } from "./console-sign-in";
import { composer, declare, resolveHere } from "./support/incident-console";

/*
 * Chat channels as people meet them. The servers refuse private addresses (as
 * in production), so the channels here point at public-looking hosts that do
 * not resolve (.invalid); what a post carries, and the activation link opening
 * the subscription, are checked against loopback stand-ins of every platform in
 * lib/channels/*.test.ts and lib/subscribers/chat-subscriptions.test.ts.
 */

const hook = (platform: string) =>
  `https://${platform}.hooks.invalid/services/e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

test("a visitor pastes a chat webhook URL on the subscribe page; a bad one gets a specific error", async ({
  page,
}) => {
  await page.goto("/subscribe");
  await page.getByRole("link", { name: /Post updates to a Slack, Microsoft Teams/ }).click();
  const form = page.getByRole("form", { name: "Post updates to a chat channel" });
  await form.getByLabel("Chat platform").selectOption({ label: "Discord" });
  const url = form.getByLabel("Incoming webhook URL");
  await url.fill("http://169.254.169.254/latest/meta-data/");
  await form.getByRole("button", { name: "Post an activation link" }).click();
  await expect(url).toHaveAccessibleDescription(/does not send to private, loopback/);
  // What was chosen survives the refusal.
  await expect(form.getByLabel("Chat platform")).toHaveValue("discord");

  await url.fill(hook("discord"));
  await form.getByRole("button", { name: "Post an activation link" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "We posted a message to that Discord channel" }),
  ).toContainText("Open its link within 48 hours");
});

test("an editor adds chat channels, previews an update in each of them, then removes them", async ({
  page,
}) => {
  await signInToConsole(page, "/admin/subscribers");
  const add = page.getByRole("form", { name: "Add a chat channel" });
  const channels = page.getByRole("list", { name: "Chat channels" });
  for (const platform of ["Slack", "Microsoft Teams"]) {
    await add.getByLabel("Platform").selectOption({ label: platform });
    await add.getByLabel("Channel URL").fill(hook(platform === "Slack" ? "slack" : "teams"));
    await add.getByLabel(/already agreed/).check();
    await add.getByRole("button", { name: "Add chat channel" }).click();
    await expect(page.getByText("Chat channel added: updates start now.")).toBeVisible();
    await expect(
      channels.getByRole("listitem").filter({ hasText: platform }).first(),
    ).toContainText("Active");
  }
  // A chat webhook URL is a credential: the list shows its host and end only.
  await expect(channels).not.toContainText("/services/e2e-");

  await declare(page, { title: `Chat preview ${Date.now()}` });
  await composer(page)
    .getByLabel("Public update")
    .fill("**Current status:** Card payments fail for <some> customers & we are on it.");
  const around = composer(page).locator("xpath=..");
  await around.getByRole("button", { name: "Preview in chat channels" }).click();
  const slack = around.getByRole("listitem", { name: "Slack preview" });
  const teams = around.getByRole("listitem", { name: "Microsoft Teams preview" });
  for (const card of [slack, teams]) {
    await expect(card).toContainText(/(Investigating|Identified|Monitoring): Chat preview/);
    // Markdown reduced to words, the platform's escaping invisible: the text reads as typed.
    await expect(card).toContainText(
      "Current status: Card payments fail for <some> customers & we are on it.",
    );
    await expect(card).toContainText("View incident");
  }
  await resolveHere(page);

  await page.goto("/admin/subscribers");
  const ours = channels.getByRole("listitem").filter({ hasText: ".hooks.invalid" });
  for (let left = await ours.count(); left > 0; left--) {
    await ours.first().getByRole("button", { name: "Remove" }).click();
    await expect(ours).toHaveCount(left - 1);
  }
  await expect(channels.getByRole("listitem").filter({ hasText: ".hooks.invalid" })).toHaveCount(0);
});
