import { sql } from "drizzle-orm";
import { afterAll, expect, it, vi } from "vitest";
import { startTcpProxy } from "../../e2e/support/tcp-proxy";
import { openPostgres, type DbHandle } from "../db/client";
import { executeRows } from "../db/execute-rows";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { declareTestIncident } from "../testing/console-factories";
import { publicCached, publicCacheVersion } from "./public-cache";
import { followPublicChanges, PUBLIC_CHANGES_CHANNEL, PUBLIC_TABLES } from "./public-changes";

describeEachEngine("public changes heard by construction", ({ db, handle, engine }) => {
  const stops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const stop of stops) await stop();
  });
  const follow = async (h: Pick<DbHandle, "listen"> = handle()) => {
    const following = await followPublicChanges(h);
    stops.push(following.stop);
    return following;
  };
  let probes = 0;
  /** A cached public read that counts its loads: a load means the cache was refreshed. */
  const probe = () => {
    const key = `probe-${engine}-${++probes}`;
    let loads = 0;
    return { read: async () => (await publicCached(key, async () => ++loads)).value };
  };

  it("refreshes on a write path no code was written for: raw SQL on a public table", async () => {
    await follow();
    const { read } = probe();
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    await db().execute(sql`insert into component_groups (id, name) values ('rawsqlgroup1', 'Raw')`);
    await expect.poll(read, { timeout: 1000 }).toBe(2);
  });

  it("refreshes on domain writes, which call nothing to invalidate", async () => {
    const { read } = probe();
    expect(await read()).toBe(1);
    const owner = await createMember(db(), "owner");
    await declareTestIncident(owner);
    await expect.poll(read, { timeout: 1000 }).toBe(2);
  });

  it("ignores a statement that changed no row, and writes to tables the public never sees", async () => {
    const sentinel = new Promise<void>((resolve) =>
      handle()
        .listen(PUBLIC_CHANGES_CHANNEL, { onMessage: (p) => p === "sentinel" && resolve() })
        .then((stop) => stops.push(stop)),
    );
    await new Promise((r) => setTimeout(r, 100));
    const before = publicCacheVersion();
    await db().execute(sql`update incidents set title = 'x' where false`);
    await createMember(db(), "viewer");
    // Notifications arrive in commit order: once the sentinel is heard, anything earlier was too.
    await db().execute(sql`select pg_notify(${PUBLIC_CHANGES_CHANNEL}, 'sentinel')`);
    await sentinel;
    // The cache hears on its own connection: wait until it has the sentinel too, then count.
    await vi.waitFor(() => expect(publicCacheVersion()).toBeGreaterThan(before), { timeout: 5000 });
    expect(publicCacheVersion()).toBe(before + 1);
  });

  it("announces every public table, and only those", async () => {
    const rows = await executeRows<{ table_name: string; triggers: number }>(
      db(),
      sql`select c.relname as table_name, count(*)::int as triggers
          from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where t.tgname like 'herald_public_%' group by c.relname`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual([...PUBLIC_TABLES].sort());
    expect(rows.every((r) => r.triggers === 4)).toBe(true);
  });

  if (engine === "postgres")
    it("after a dropped LISTEN connection, re-reads until subscribed again, then catches up", async () => {
      // Only the listener under test: no other one may refresh the cache for it.
      for (const stop of stops.splice(0)) await stop();
      const url = new URL(handle().url!);
      const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
      url.host = `127.0.0.1:${proxy.port}`;
      const viaProxy = await openPostgres(url.toString(), { max: 1 });
      stops.push(async () => {
        await viaProxy.close().catch(() => {});
        proxy.close();
      });
      const following = await follow(viaProxy);
      const { read } = probe();
      expect(await read()).toBe(1);
      expect(following.hearing()).toBe(true);

      await proxy.cut();
      await expect.poll(following.hearing, { timeout: 5000 }).toBe(false);
      // Deaf: nothing is trusted for long, even with no write at all.
      const deafAt = await read();
      await expect.poll(read, { timeout: 3000 }).toBeGreaterThan(deafAt);

      await proxy.restore();
      await expect.poll(following.hearing, { timeout: 5000 }).toBe(true);
      const { read: readAgain } = probe();
      expect(await readAgain()).toBe(1);
      await db().execute(sql`update component_groups set name = 'Back' where id = 'rawsqlgroup1'`);
      await expect.poll(readAgain, { timeout: 1000 }).toBe(2);
    });
});
