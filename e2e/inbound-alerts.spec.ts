import { expect, test, type APIRequestContext } from "@playwright/test";
import { alertmanagerPayload } from "../lib/inbound/fixtures/alertmanager";
import { signIn } from "./support/sign-in";
import { bearer } from "./support/api-keys";
import { resolveHere } from "./support/incident-console";

/** An Alertmanager alert, set up as a new user would: console integration, then Alertmanager's webhook. */

async function unresolvedTitles(request: APIRequestContext): Promise<string[]> {
  const body = (await (await request.get("/api/v2/incidents/unresolved.json")).json()) as {
    incidents: { name: string }[];
  };
  return body.incidents.map((i) => i.name);
}

async function graphqlStatus(request: APIRequestContext) {
  const body = (await (await request.get("/api/v2/components.json")).json()) as {
    components: { name: string; status: string }[];
  };
  return body.components.find((c) => c.name === "GraphQL API")?.status;
}

test("an alert drafts an incident that is public only once the comms lead edits and publishes it", async ({
  page,
  request,
}) => {
  const stamp = Date.now();
  await signIn(page, "/admin/integrations");
  const form = page.getByRole("form", { name: "Create integration" });
  await form.getByLabel("Tool").selectOption("alertmanager");
  await form.getByLabel("Name").fill(`Prometheus ${stamp}`);
  await form.getByLabel("Hold-down (seconds)").fill("0");
  await form.getByRole("button", { name: "Create integration" }).click();
  const token = await page.getByLabel("Token").inputValue();
  const inboundPath = new URL(await page.getByLabel("Inbound URL").inputValue()).pathname;
  expect(token).toMatch(/^hrin_/);

  const summary = `GraphQL p99 latency above 2s ${stamp}`;
  const fingerprint = `fp-${stamp}`;
  const alert = { component: "graphql api", severity: "warning", fingerprint, summary };
  const groupKey = `{}:{alertname="GraphQLLatency${stamp}"}`;
  // Alertmanager sends the time the alert started firing: time to first post counts from it.
  const firing = alertmanagerPayload("firing", [alert], groupKey, new Date().toISOString());
  expect(
    (await request.post(inboundPath, { data: firing, headers: bearer("hrin_wrong") })).status(),
  ).toBe(401);
  const accepted = await request.post(inboundPath, { data: firing, headers: bearer(token) });
  expect(accepted.status()).toBe(202);

  // The component turns amber at once (a status rule); the incident itself is only a draft.
  await expect.poll(() => graphqlStatus(request)).toBe("degraded_performance");
  expect(await unresolvedTitles(request)).not.toContain(summary);
  await page.goto("/");
  await expect(page.getByText(summary)).toHaveCount(0);

  await page.goto("/admin");
  const draft = page.getByRole("article", { name: `Draft: ${summary}` });
  await expect(draft.getByLabel("First update")).toHaveValue(
    /\*\*Current status:\*\* We are investigating/,
  );
  await expect(draft.getByLabel("APIs · GraphQL API")).toHaveValue("degraded_performance");
  const title = `GraphQL API is slow ${stamp}`;
  await draft.getByLabel("Title").fill(title);
  await draft.getByRole("button", { name: "Publish incident" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/Time to first post: \d+ (s|min|h)/)).toBeVisible();
  const incidentUrl = page.url();

  await expect.poll(() => unresolvedTitles(request)).toContain(title);
  await page.goto("/reliability");
  await expect(
    page
      .getByRole("table", { name: "All components, last 90 days" })
      .getByRole("row", { name: /^Time to first post/ })
      .getByRole("cell")
      .first(),
  ).toHaveText(/^\d+ (s|min|h|d)/);

  // The alert resolves: the component is restored, and the comms lead is told (nothing auto-resolves).
  const resolved = alertmanagerPayload("resolved", [alert], groupKey);
  expect(
    (await request.post(inboundPath, { data: resolved, headers: bearer(token) })).status(),
  ).toBe(202);
  await expect.poll(() => graphqlStatus(request)).toBe("operational");
  await page.goto(incidentUrl);
  await expect(page.getByText("Every alert behind this incident has resolved.")).toBeVisible();
  expect(await unresolvedTitles(request)).toContain(title);
  await resolveHere(page);
});
