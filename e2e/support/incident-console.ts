import { expect, type Browser, type Page } from "@playwright/test";
import { signInToConsole } from "../console-sign-in";
import { acceptInvitation, inviteMember } from "./sign-in";

/** Page objects for the incident console, shared by the SEV1 walk-through specs. */

export const composer = (page: Page) => page.getByRole("form", { name: "Publish update" });

export const timelineItems = (page: Page) =>
  page
    .getByRole("list", { name: "Updates" })
    .getByRole("listitem")
    .filter({ has: page.locator("strong") });

/** The owner adds a member on the team page; returns them with a password of their own, ready to sign in. */
export async function addMember(ownerPage: Page, role: "editor" | "viewer" = "editor") {
  // Invited members must replace their one-time password before the console opens: done here once,
  // in a throwaway browser context, so callers get a member who simply signs in.
  const invited = await inviteMember(ownerPage, role);
  const context = await ownerPage.context().browser()!.newContext();
  const member = await acceptInvitation(
    await context.newPage(),
    invited,
    `${invited.password}-own`,
  );
  await context.close();
  return member;
}

/** A second person at their own browser (own cookies and storage), signed in at `path`. */
export async function secondPerson(
  browser: Browser,
  who: { email: string; password: string },
  path: string,
) {
  const page = await (await browser.newContext()).newPage();
  await signInToConsole(page, path, who);
  return page;
}

/** Declares an incident through the form and waits for its page. */
export async function declare(
  page: Page,
  { title, component = "Core Platform · Billing" }: { title: string; component?: string },
) {
  await page.goto("/admin/incidents/new");
  const form = page.getByRole("form", { name: "Declare incident" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel(component).selectOption("major_outage");
  await form.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return page.url();
}

/** Resolves the open incident on this page, leaving its components operational for later specs. */
export async function resolveHere(page: Page) {
  await page.locator("summary").filter({ hasText: "Resolve incident" }).click();
  await page
    .getByRole("form", { name: "Resolve incident" })
    .getByRole("button", { name: "Resolve incident" })
    .click();
  await expect(page.getByText("State: Resolved")).toBeVisible();
}
