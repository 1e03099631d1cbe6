import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { WIRE_ENDPOINTS, type WireSummary } from "../lib/statuspage/wire-schema";
import { E2E_OWNER } from "../playwright.config";

/**
 * A customer's own site, on another origin, embedding Herald: the toast
 * script and the iframe card on "/", Atlassian's own Statuspage widget on
 * "/atlassian-widget". The Herald server under test comes in the query string.
 */
const ATLASSIAN_WIDGET = readFileSync(
  createRequire(import.meta.url).resolve("@statuspage/status-widget/dist/index.js"),
);
const hostPages: Record<string, (herald: string) => string> = {
  "/": (herald) => `
    <iframe src="${herald}/embed" title="Service status" width="320" height="160"></iframe>
    <script src="${herald}/embed/script.js" data-position="bottom-left" data-color="#7c3aed" async></script>`,
  "/atlassian-widget": (herald) => `
    <script src="/atlassian-widget.js"></script>
    <statuspage-widget src="${herald}" appearance="badge"></statuspage-widget>`,
};

let host: Server;
let hostOrigin: string;

test.beforeAll(async () => {
  host = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://host");
    if (url.pathname === "/atlassian-widget.js") {
      res.writeHead(200, { "Content-Type": "application/javascript" });
      return res.end(ATLASSIAN_WIDGET);
    }
    const body = hostPages[url.pathname]?.(url.searchParams.get("herald") ?? "");
    res.writeHead(body ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><head><title>Customer site</title></head><body><h1>Customer site</h1>${body ?? ""}</body></html>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

async function openCustomerSite(page: Page, heraldUrl: string) {
  await page.goto(`${hostOrigin}/?herald=${encodeURIComponent(heraldUrl)}`);
  // The script marks its host element once it has read the status.
  await expect(page.locator("[data-herald-status-embed][data-indicator]")).toHaveCount(1);
}

const toast = (page: Page) => page.getByRole("status");

test("during the seeded incident the customer's visitors see an accessible, dismissible toast", async ({
  page,
  request,
  baseURL,
}) => {
  // Right after an earlier spec's write, a reader may get the previous copy for well under a
  // second (readers never wait on a re-render): the toast and summary.json are read again, as a
  // visitor reloading would, until they agree.
  let summary: WireSummary | undefined;
  await expect(async () => {
    summary = WIRE_ENDPOINTS["summary.json"].parse(
      await (await request.get("/api/v2/summary.json")).json(),
    );
    const incident = summary.incidents[0]!;
    await openCustomerSite(page, baseURL!);
    await expect(toast(page)).toContainText("Partial System Outage", { timeout: 2_000 });
    const link = toast(page).getByRole("link", { name: incident.name });
    await expect(link).toHaveAttribute("href", incident.shortlink, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(toast(page)).toContainText("Identified");
  await expect(toast(page).getByRole("link", { name: "View status page" })).toHaveAttribute(
    "href",
    summary!.page.url,
  );

  // data-position="bottom-left" and data-color are honoured.
  const card = toast(page).locator(".toast");
  const box = (await card.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeLessThan(40);
  expect(viewport.height - (box.y + box.height)).toBeLessThan(40);
  await expect(card).toHaveCSS("border-left-color", "rgb(124, 58, 237)");

  await toast(page).getByRole("button", { name: "Dismiss status notice" }).click();
  await expect(toast(page)).toBeEmpty();
  // Dismissed for this incident for the rest of the visit.
  await openCustomerSite(page, baseURL!);
  await expect(toast(page)).toBeEmpty();
});

test("a customer's page can read the API itself, even with a request that needs a preflight", async ({
  page,
  baseURL,
}) => {
  await openCustomerSite(page, baseURL!);
  // Polled: right after an earlier spec's write the first answer may be the previous copy.
  await expect
    .poll(() =>
      page.evaluate(async (url) => {
        const response = await fetch(url, { headers: { "X-Requested-With": "XMLHttpRequest" } });
        return (await response.json()).status.indicator;
      }, `${baseURL}/api/v2/status.json`),
    )
    .toBe("major");
});

test("the iframe card shows the incident, and is allowed in a frame", async ({
  page,
  request,
  baseURL,
}) => {
  const response = await request.get("/embed");
  expect(response.headers()["x-frame-options"]).toBeUndefined();
  expect(response.headers()["content-security-policy"]).toMatch(/frame-ancestors \*(;|$)/);
  // Only the card: the status page and the console refuse to be framed (clickjacking).
  for (const path of ["/", "/signin"])
    expect((await request.get(path)).headers()["x-frame-options"]).toBe("DENY");

  await openCustomerSite(page, baseURL!);
  const frame = page.frameLocator('iframe[title="Service status"]');
  await expect(frame.getByRole("heading", { name: "Partial System Outage" })).toBeVisible();
  // Other specs may have declared incidents on this shared server: look for the seeded one.
  await expect(
    frame.getByRole("listitem").filter({ hasText: "Failed instance launches in US East" }),
  ).toHaveCount(1);
});

test("Atlassian's own Statuspage widget, pointed at Herald, works unchanged", async ({
  page,
  baseURL,
}) => {
  await page.goto(`${hostOrigin}/atlassian-widget?herald=${encodeURIComponent(baseURL!)}`);
  const widget = page.locator("statuspage-widget");
  await expect(widget).toContainText("Partial System Outage");
  await expect(widget.locator(".status-indicator.major")).toBeVisible();
});

test("the iframe card reads the same without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseURL}/embed`);
  await expect(page.getByRole("heading", { name: "Partial System Outage" })).toBeVisible();
  await context.close();
});

/** The live summary rewritten as Statuspage would serve it in another situation, checked against the wire schema. */
async function serveSummary(page: Page, baseURL: string, rewrite: (s: WireSummary) => WireSummary) {
  const live = WIRE_ENDPOINTS["summary.json"].parse(
    await (await page.request.get(`${baseURL}/api/v2/summary.json`)).json(),
  );
  const body = WIRE_ENDPOINTS["summary.json"].parse(rewrite(live));
  await page.route("**/api/v2/summary.json", (route) =>
    route.fulfill({ json: body, headers: { "Access-Control-Allow-Origin": "*" } }),
  );
}

test("when all is operational the toast shows nothing", async ({ page, baseURL }) => {
  await serveSummary(page, baseURL!, (live) => ({
    ...live,
    status: { indicator: "none", description: "All Systems Operational" },
    components: live.components.map((c) => ({ ...c, status: "operational" })),
    incidents: [],
    scheduled_maintenances: live.scheduled_maintenances.filter((m) => m.status === "scheduled"),
  }));
  await openCustomerSite(page, baseURL!);
  await expect(page.locator("[data-herald-status-embed]")).toHaveAttribute(
    "data-indicator",
    "none",
  );
  await expect(toast(page)).toBeEmpty();
});

test("during maintenance the toast names the window under way", async ({ page, baseURL }) => {
  await serveSummary(page, baseURL!, (live) => ({
    ...live,
    status: { indicator: "maintenance", description: "Service Under Maintenance" },
    incidents: [],
    scheduled_maintenances: live.scheduled_maintenances.map((m) => ({
      ...m,
      status: "in_progress",
    })),
  }));
  await openCustomerSite(page, baseURL!);
  await expect(toast(page)).toContainText("Service Under Maintenance");
  await expect(toast(page)).toContainText("In progress");
});

test("the owner finds copy-paste snippets in settings, with live previews", async ({
  page,
  baseURL,
}) => {
  await page.goto("/signin?callbackUrl=/admin/settings");
  await page.getByLabel("Email", { exact: true }).fill(E2E_OWNER.email);
  await page.getByLabel("Password").fill(E2E_OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Badges and embeds" })).toBeVisible();

  await page.getByLabel("Badge style").selectOption("for-the-badge");
  await page.getByLabel("Badge label").fill("Acme API");
  const markdown = page.getByRole("textbox", { name: "Markdown (README)" });
  await expect(markdown).toHaveValue(
    `[![${await page.getByLabel("Page name").inputValue()}](${baseURL}/badge.svg?style=for-the-badge&label=Acme+API)](${baseURL})`,
  );
  const preview = page.locator('img[src^="/badge.svg?style=for-the-badge"]');
  await expect(preview).toHaveJSProperty("complete", true);
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(28);

  await page.getByLabel("Position").selectOption("top-left");
  await expect(page.getByRole("textbox", { name: "Script tag" })).toHaveValue(
    `<script src="${baseURL}/embed/script.js" data-position="top-left" async></script>`,
  );
  await expect(page.getByRole("textbox", { name: "Iframe" })).toHaveValue(
    new RegExp(`^<iframe src="${baseURL}/embed"`),
  );
  await expect(
    page
      .frameLocator('iframe[title$="(preview)"]')
      .getByRole("heading", { name: "Partial System Outage" }),
  ).toBeVisible();
});
