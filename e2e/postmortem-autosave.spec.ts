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
