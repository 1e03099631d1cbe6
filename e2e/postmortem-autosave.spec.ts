import { expect, test } from "@playwright/test";
import { signInToConsole as signIn } from "./console-sign-in";
import { declare, resolveHere } from "./support/incident-console";

test("closing the postmortem editor with unsaved text asks first, and the text is saved", async ({
  page,
  browser,
}) => {
  await signIn(page, "/admin");
  await declare(page, { title: `Queue backlog ${Date.now()}` });
  await resolveHere(page);
  await page.getByRole("link", { name: "Write the postmortem (RCA)" }).click();
  await page.getByRole("button", { name: "Start postmortem" }).click();
  const editor = page.url();

  // Closing the tab with text not yet saved: the browser asks before leaving.
  await page.getByLabel("Root cause").fill("A consumer deploy paused the queue.");
  const dialog = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe("beforeunload");
  await asked.dismiss();

  // Kept open, the text is saved; a fresh session sees it.
  // Said on the page's 24-hour clock with its zone, not the browser's "4:05:12 PM".
  await expect(page.getByText(/^Draft saved \d\d:\d\d [A-Z+\d:-]+$/)).toBeVisible();
  const again = await (await browser.newContext()).newPage();
  await signIn(again, new URL(editor).pathname);
  await expect(again.getByLabel("Root cause")).toHaveValue("A consumer deploy paused the queue.");
});

test("leaving the editor through a console link right after typing keeps the text", async ({
  page,
}) => {
  await signIn(page, "/admin");
  await declare(page, { title: `Cache stampede ${Date.now()}` });
  await resolveHere(page);
  await page.getByRole("link", { name: "Write the postmortem (RCA)" }).click();
  await page.getByRole("button", { name: "Start postmortem" }).click();
  const editor = page.url();
  await page.getByLabel("Root cause").fill("Keys expired together after a deploy.");
  // Within the autosave delay: the save sent on leaving must survive the navigation.
  await page
    .getByRole("navigation", { name: "Console" })
    .getByRole("link", { name: "Dashboard" })
    .click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect
    .poll(async () => {
      await page.goto(editor);
      return page.getByLabel("Root cause").inputValue();
    })
    .toBe("Keys expired together after a deploy.");
});

test("another site cannot save a draft with the lead's cookies", async ({ page }) => {
  await signIn(page, "/admin");
  const response = await page.request.put("/api/console/postmortem-draft", {
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    data: { incidentId: "aaaaaaaaaaaa", sections: {}, expectedUpdatedAt: "" },
  });
  expect(response.status()).toBe(403);
});

test("a save that cannot reach Herald is retried, and the text is kept", async ({ page }) => {
  await signIn(page, "/admin");
  await declare(page, { title: `Flaky network ${Date.now()}` });
  await resolveHere(page);
  await page.getByRole("link", { name: "Write the postmortem (RCA)" }).click();
  await page.getByRole("button", { name: "Start postmortem" }).click();
  const editor = page.url();
  await page.route("**/api/console/postmortem-draft", (route) => route.abort());
  await page.getByLabel("Root cause").fill("The office Wi-Fi dropped mid-sentence.");
  await expect(page.getByText(/Could not reach Herald to save/)).toBeVisible();
  await page.unroute("**/api/console/postmortem-draft");
  await expect(page.getByText(/^Draft saved/)).toBeVisible({ timeout: 15_000 });
  await page.goto(editor);
  await expect(page.getByLabel("Root cause")).toHaveValue("The office Wi-Fi dropped mid-sentence.");
});
