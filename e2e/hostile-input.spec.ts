import { expect, test } from "@playwright/test";
import { serverActionId } from "./support/app-routes";
import { bearer, createKeyInConsole } from "./support/api-keys";
import { signIn } from "./support/sign-in";

/**
 * Requests an attacker would send, each answered with a clear 4xx (or the
 * nearest valid page) instead of a 500 or a stalled server. A request that
 * does not answer within REQUEST_TIMEOUT_MS fails the test.
 */
const REQUEST_TIMEOUT_MS = 10_000;
const timeout = REQUEST_TIMEOUT_MS;

test("a month from long ago shows the earliest month the page has, at once", async ({
  request,
}) => {
  // Used to compute daily uptime for every component for every day since 1900.
  const uptime = await request.get("/uptime?month=1900-01", { timeout });
  expect(uptime.status()).toBe(200);
  expect(await uptime.text()).toContain("Uptime");
  // Years below 1000 crashed the render.
  const history = await request.get("/history?month=0999-01", { timeout });
  expect(history.status()).toBe(200);
  expect(await history.text()).toMatch(/Incident history: (<!-- -->)?January 1970/);
  const future = await request.get("/history?month=9999-12", { timeout });
  expect(future.status()).toBe(200);
});

test("a 10 MB server-action post is refused with 413 and a message", async ({ request }) => {
  const actionId = serverActionId("app/(public)/subscribe/actions.ts", "subscribeAction");
  expect(actionId).toBeTruthy();
  const response = await request.post("/subscribe", {
    timeout,
    headers: { "Next-Action": actionId!, "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([{ email: "a".repeat(10 * 1024 * 1024) }]),
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("nothing was saved");
});

test("an unknown postmortem in the console is a 404 page", async ({ page }) => {
  await signIn(page, "/admin/postmortems");
  for (const id of ["zzzzzzzzzzzz", "not-an-id", "%00"]) {
    const response = await page.goto(`/admin/postmortems/${id}`, { timeout });
    expect(response?.status(), id).toBe(404);
  }
});

test("/api/v1 refuses bodies over 1 MB (413) and bodies not sent as JSON (415), writing nothing", async ({
  page,
  request,
}) => {
  await signIn(page, "/admin/api-keys");
  const key = await createKeyInConsole(page, `Hostile ${Date.now()}`, "Read and write");
  const title = `Should not exist ${Date.now()}`;
  const declare = JSON.stringify({ title, severity: "SEV3", body: "Investigating." });
  const post = (data: string, type?: string) =>
    request.post("/api/v1/incidents", {
      timeout,
      headers: { ...bearer(key), ...(type ? { "Content-Type": type } : {}) },
      data,
    });

  const asText = await post(declare, "text/plain");
  expect(asText.status()).toBe(415);
  expect(await asText.json()).toMatchObject({ error: { code: "unsupported_media_type" } });
  const huge = await post(
    JSON.stringify({ title, severity: "SEV3", body: "x".repeat(1024 * 1024) }),
    "application/json",
  );
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toMatchObject({ error: { code: "too_large" } });
  const open = await (await request.get("/api/v2/incidents/unresolved.json", { timeout })).json();
  expect(JSON.stringify(open)).not.toContain(title);

  // The same call, sent as JSON within the limit, is accepted.
  const accepted = await post(declare, "application/json; charset=utf-8");
  expect(accepted.status()).toBe(201);
  const { incident } = (await accepted.json()) as { incident: { id: string } };
  const resolved = await request.post(`/api/v1/incidents/${incident.id}/resolve`, {
    timeout,
    headers: bearer(key),
    data: { body: "Resolved." },
  });
  expect(resolved.status()).toBe(200);
});
