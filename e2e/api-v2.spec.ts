import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  WIRE_ENDPOINT_PATHS,
  WIRE_ENDPOINTS,
  type WireBody,
  type WireEndpoint,
} from "../lib/statuspage/wire-schema";

/** The Statuspage v2 API as a client sees it: the servers run the seeded demo page (one open incident). */

async function getJson<E extends WireEndpoint>(
  request: APIRequestContext,
  endpoint: E,
): Promise<WireBody<E>> {
  const response = await request.get(`/api/v2/${endpoint}`);
  expect(response.status()).toBe(200);
  return WIRE_ENDPOINTS[endpoint].parse(await response.json()) as WireBody<E>;
}

for (const endpoint of WIRE_ENDPOINT_PATHS) {
  test(`${endpoint} follows the Statuspage wire format, cacheable and readable from any origin`, async ({
    request,
  }) => {
    const response = await request.get(`/api/v2/${endpoint}`);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["content-type"]).toMatch(/^application\/json/);
    expect(headers["access-control-allow-origin"]).toBe("*");
    expect(headers["cache-control"]).toMatch(/s-maxage=\d+/);
    expect(headers["cache-control"]).toMatch(/stale-while-revalidate=\d+/);
    const result = WIRE_ENDPOINTS[endpoint].safeParse(await response.json());
    expect(result.error?.issues ?? []).toEqual([]);

    // Revalidating the copy costs no body. Retried: an earlier spec's write may still be
    // re-rendering (readers get the previous copy until then), and the new copy has a new ETag.
    await expect(async () => {
      const current = await request.get(`/api/v2/${endpoint}`);
      const revalidated = await request.get(`/api/v2/${endpoint}`, {
        headers: { "If-None-Match": current.headers().etag! },
      });
      expect(revalidated.status()).toBe(304);
    }).toPass();
  });
}

test("the summary agrees with the individual endpoints", async ({ request, baseURL }) => {
  // Retried: right after an earlier spec's write, one endpoint may already be re-rendered while
  // another still serves its previous copy (for well under a second).
  let summary = await getJson(request, "summary.json");
  await expect(async () => {
    summary = await getJson(request, "summary.json");
    expect(summary.status).toEqual((await getJson(request, "status.json")).status);
    expect(summary.components).toEqual((await getJson(request, "components.json")).components);
    expect(summary.incidents).toEqual(
      (await getJson(request, "incidents/unresolved.json")).incidents,
    );
    const active = (await getJson(request, "scheduled-maintenances/active.json"))
      .scheduled_maintenances;
    const upcoming = (await getJson(request, "scheduled-maintenances/upcoming.json"))
      .scheduled_maintenances;
    expect(summary.scheduled_maintenances).toEqual([...active, ...upcoming]);
  }).toPass();

  expect(summary.status).toEqual({ indicator: "major", description: "Partial System Outage" });
  const [open] = summary.incidents;
  expect(open?.shortlink).toBe(`${baseURL}/incidents/${open?.id}`);
  const recent = (await getJson(request, "incidents.json")).incidents;
  expect(recent.map((i) => i.id)).toContain(open?.id);
  expect(recent.some((i) => i.status === "postmortem")).toBe(true);
});

test("a CORS preflight is answered for any origin", async ({ request }) => {
  const response = await request.fetch("/api/v2/summary.json", {
    method: "OPTIONS",
    headers: {
      Origin: "https://customer.example",
      "Access-Control-Request-Method": "GET",
      "Access-Control-Request-Headers": "if-none-match",
    },
  });
  expect(response.status()).toBe(204);
  expect(response.headers()).toMatchObject({
    "access-control-allow-origin": "*",
    "access-control-allow-headers": "*",
  });
  expect(response.headers()["access-control-allow-methods"]).toContain("GET");
});

for (const path of [
  "/api/v2/nope.json",
  "/api/v2/incidents",
  "/api/v2/incidents/abcdefghijkl.json",
  "/api/v2/summary",
]) {
  test(`${path} is a JSON 404 that lists the real endpoints`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const body = await response.json();
    expect(body.error).toMatchObject({ code: "not_found" });
    expect(body.endpoints).toContain("/api/v2/summary.json");
  });
}
