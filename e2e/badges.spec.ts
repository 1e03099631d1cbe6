import { expect, test } from "@playwright/test";
import { WIRE_ENDPOINTS } from "../lib/statuspage/wire-schema";

test("the status badge renders as an image in a README-like page, in every style", async ({
  page,
}) => {
  const styles = ["flat", "flat-square", "plastic", "for-the-badge"];
  await page.goto("/embed"); // any same-origin page to host the images
  const sizes = await page.evaluate(async (list) => {
    const load = (src: string) =>
      new Promise<[number, number]>((resolve, reject) => {
        const img = new Image();
        img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
        img.onerror = () => reject(new Error(`${src} did not render`));
        img.src = src;
      });
    return Promise.all(list.map((style) => load(`/badge.svg?style=${style}`)));
  }, styles);
  expect(sizes.map(([, height]) => height)).toEqual([20, 20, 18, 28]);
  expect(sizes.every(([width]) => width > 60)).toBe(true);
});

test("the badges say what the page says, and the shields.io endpoint matches", async ({
  request,
}) => {
  const overall = await request.get("/badge.svg");
  expect(overall.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  expect(overall.headers()["etag"]).toBeTruthy();
  expect(await overall.text()).toContain("<title>status: partial outage</title>");
  expect(await (await request.get("/badge.json")).json()).toEqual({
    schemaVersion: 1,
    label: "status",
    message: "partial outage",
    color: "orange",
    style: "flat",
  });

  const { components } = WIRE_ENDPOINTS["components.json"].parse(
    await (await request.get("/api/v2/components.json")).json(),
  );
  const degraded = components.find((c) => !c.group && c.status === "partial_outage")!;
  const badge = await request.get(
    `/components/${degraded.id}/badge.svg?label=${encodeURIComponent("<b>Region</b>")}`,
  );
  expect(await badge.text()).toContain("<title>&lt;b&gt;Region&lt;/b&gt;: partial outage</title>");
  const unknown = await request.get("/components/nosuchthing0/badge.svg");
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toContain("unknown component");
});
