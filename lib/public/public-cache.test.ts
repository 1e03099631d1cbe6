import { expect, it, vi } from "vitest";

it("counts a stale answer for every copy of the module: the front server and Next's pages are separate bundles", async () => {
  const frontServersCopy = await import("./public-cache");
  vi.resetModules();
  const pagesCopy = await import("./public-cache");
  expect(pagesCopy).not.toBe(frontServersCopy);

  const key = `stale-count-${Math.random()}`;
  await pagesCopy.publicCached(key, async () => "last good");
  pagesCopy.invalidatePublicCache();
  const before = frontServersCopy.staleAnswerCount();
  vi.spyOn(console, "error").mockImplementation(() => {});
  const answer = await pagesCopy.publicCached(key, async () => {
    throw new Error("database unreachable");
  });

  expect(answer).toEqual({ value: "last good", stale: true });
  // The front server marks a render that saw a stale answer for an early re-render; it must see it.
  expect(frontServersCopy.staleAnswerCount()).toBe(before + 1);
});
