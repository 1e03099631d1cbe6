import { expect, test } from "@playwright/test";
import { parseAtomFeed, parseRssFeed } from "feedsmith";

test("history feeds are valid RSS and Atom, cacheable, and list the seeded incidents", async ({
  request,
}) => {
  const rss = await request.get("/history.rss");
  expect(rss.status()).toBe(200);
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  expect(rss.headers()["cache-control"]).toContain("s-maxage");
  const feed = parseRssFeed(await rss.text());
  expect(feed.title).toMatch(/Incident History$/);
  expect(feed.items!.length).toBeGreaterThan(3);
  expect(feed.items![0]!.link).toMatch(/\/(incidents|maintenance)\/[0-9a-z]{12}$/);

  // Revalidating with the copy's ETag costs no body. Polled: the previous spec's writes may still be
  // re-rendering (readers get the previous copy until then), and a new copy has a new ETag.
  await expect
    .poll(async () => {
      const current = await request.get("/history.rss");
      const again = await request.get("/history.rss", {
        headers: { "If-None-Match": current.headers()["etag"]! },
      });
      return again.status();
    })
    .toBe(304);

  const atom = await request.get("/history.atom");
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  // Both feeds list the same history once both have caught up with the last write.
  await expect
    .poll(async () => {
      const [rssNow, atomNow] = await Promise.all([
        request.get("/history.rss").then((r) => r.text()),
        request.get("/history.atom").then((r) => r.text()),
      ]);
      return parseAtomFeed(atomNow).entries!.length - parseRssFeed(rssNow).items!.length;
    })
    .toBe(0);
});

test("a component has its own feed; an unknown one is a 404", async ({ request }) => {
  const components = (await (await request.get("/api/v2/components.json")).json()) as {
    components: { id: string; name: string; group: boolean }[];
  };
  const component = components.components.find((c) => !c.group)!;
  const feed = parseAtomFeed(
    await (await request.get(`/components/${component.id}/history.atom`)).text(),
  );
  expect(feed.title).toEqual({
    value: expect.stringContaining(`${component.name} - Incident History`),
  });
  expect((await request.get("/components/zzzzzzzzzzzz/history.rss")).status()).toBe(404);
});
