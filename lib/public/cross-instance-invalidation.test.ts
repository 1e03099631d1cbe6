import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { openPostgres } from "../db/client";
import { bridgePublicCacheInvalidation } from "./cross-instance-invalidation";
import { invalidatePublicCache, publicCached } from "./public-cache";

describeEachEngine("public cache across instances", ({ handle, engine }) => {
  it("a publish on one instance refreshes what another serves", async () => {
    if (engine === "pglite") {
      // One process, one cache: the bridge has nothing to do and must not fail.
      const stop = await bridgePublicCacheInvalidation(handle());
      stop();
      return;
    }
    const stop = await bridgePublicCacheInvalidation(handle(), "this-instance");
    let loads = 0;
    const read = () => publicCached("cross-instance-probe", async () => ++loads);
    expect((await read()).value).toBe(1);
    expect((await read()).value).toBe(1);

    // Another instance (its own connection) announces a publish.
    const other = await openPostgres(handle().url!, { max: 1 });
    await other.pubsub!.notify("herald_public_cache", "other-instance");
    await expect.poll(async () => (await read()).value, { timeout: 5000 }).toBe(2);
    await other.close();

    // Our own announcements are not re-applied when they echo back.
    invalidatePublicCache();
    expect((await read()).value).toBe(3);
    await new Promise((r) => setTimeout(r, 300));
    expect((await read()).value).toBe(3);
    stop();
  });
});
