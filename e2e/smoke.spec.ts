import { expect, test } from "@playwright/test";
import { E2E_OWNER } from "../playwright.config";

test("a visitor sees the seeded components on the status page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Acme Cloud Status" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Components" })).toBeVisible();
  await expect(page.getByText("Core Platform")).toBeVisible();
});

test("an anonymous visitor is sent from the console to sign-in", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)admin/);
  await expect(page.getByRole("heading", { name: "Sign in to the console" })).toBeVisible();
});

test("a wrong password is refused; the owner signs in and sees the console", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(E2E_OWNER.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);

  await page.getByLabel("Password").fill(E2E_OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText(`${E2E_OWNER.email} · owner`)).toBeVisible();
  await expect(page.getByRole("heading", { name: /Open incidents \(1\)/ })).toBeVisible();
});

test("health reports ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok" });
});

test("the owner gets a specific error for a bad setting, keeps their input, then saves", async ({
  page,
}) => {
  await page.goto("/signin?callbackUrl=/admin/settings");
  await page.getByLabel("Email", { exact: true }).fill(E2E_OWNER.email);
  await page.getByLabel("Password").fill(E2E_OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();

  await page.getByLabel("Page name").fill("Acme Status (renamed)");
  await page.getByLabel("Brand colour").fill("blue");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Use a colour like #2563eb.")).toBeVisible();
  await expect(page.getByLabel("Page name")).toHaveValue("Acme Status (renamed)");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Acme Cloud Status" })).toBeVisible();

  await page.goto("/admin/settings");
  await page.getByLabel("Page name").fill("Acme Status (renamed)");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.goto("/");
  await expect(
    page.getByRole("heading", { level: 1, name: "Acme Status (renamed)" }),
  ).toBeVisible();
});
