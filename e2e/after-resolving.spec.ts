import { expect, test } from "@playwright/test";
import { signInToConsole as signIn } from "./console-sign-in";
import { declare, resolveHere } from "./support/incident-console";

test("after resolving: reopen stays collapsed, the postmortem is one click away, customers read what was affected", async ({
  page,
}) => {
  const hydrationErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /#418|#423|hydrat/i.test(m.text())) hydrationErrors.push(m.text());
  });
  page.on("pageerror", (e) => {
    if (/#418|#423|hydrat/i.test(e.message)) hydrationErrors.push(e.message);
  });
  await signIn(page, "/admin");
  const url = await declare(page, { title: `Billing outage ${Date.now()}` });
  const incidentId = new URL(url).pathname.split("/").pop()!;
  await resolveHere(page);

  const reopen = page.locator("details").filter({
    has: page.locator("summary", { hasText: "Reopen incident" }),
  });
  await expect(reopen).toBeVisible();
  await expect(reopen).toHaveJSProperty("open", false);
  await page.getByRole("link", { name: "Write the postmortem (RCA)" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/postmortems/${incidentId}$`));

  await page.goto(`/incidents/${incidentId}`);
  const affected = page.getByRole("region", { name: "Affected components" });
  await expect(affected).toContainText("Billing");
  await expect(affected).toContainText("Major outage during the incident · resolved");
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  expect(hydrationErrors).toEqual([]);
});

test("the feed names the page once, and the site has a favicon", async ({ request }) => {
  const rss = await (await request.get("/history.rss")).text();
  const channelTitle = /<channel>\s*<title>([^<]*)<\/title>/.exec(rss)?.[1];
  expect(channelTitle).toMatch(/ - Incident History$/);
  expect(channelTitle).not.toMatch(/Status Status/);
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image/);
});
