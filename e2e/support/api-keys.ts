import { expect, type Page } from "@playwright/test";

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** Creates a key through the console and reads the plaintext from the page, the one time it is shown. */
export async function createKeyInConsole(
  page: Page,
  name: string,
  access: "Read only" | "Read and write",
): Promise<string> {
  const form = page.getByRole("form", { name: "Create API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Access").selectOption({ label: access });
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created “${name}”` })).toBeVisible();
  await expect(page.getByLabel("New API key")).toHaveValue(/^hrld_[0-9a-f]{8}_[0-9a-f]{48}$/);
  const key = await page.getByLabel("New API key").inputValue();
  await expect(
    page.getByRole("list", { name: "API keys" }).getByRole("listitem").filter({ hasText: name }),
  ).toContainText(access.toLowerCase());
  return key;
}
