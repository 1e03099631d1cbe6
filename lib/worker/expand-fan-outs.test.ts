import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { notificationFanOuts, notificationOutbox } from "../db/schema";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import {
  createComponent,
  createEmailSubscriber,
  createIncident,
} from "../notifications/test-helpers";
import { expandFanOuts, pruneExpandedFanOuts } from "./expand-fan-outs";

describeEachEngine("fan-out expansion", ({ db, engine }) => {
  /** A published update whose component has `n` subscribers; its fan-outs are queued, not yet expanded. */
  async function publishTo(n: number) {
    const component = await createComponent(db());
    for (let i = 0; i < n; i++) await createEmailSubscriber(db(), { componentIds: [component.id] });
    const { incident, update } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
    });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    return update.id;
  }
  const rowsFor = (subjectId: string) =>
    db().select().from(notificationOutbox).where(eq(notificationOutbox.subjectId, subjectId));
  const fanOutsFor = (subjectId: string) =>
    db()
      .select()
      .from(notificationFanOuts)
      .where(sql`${notificationFanOuts.spec}->>'subjectId' = ${subjectId}`);

  it("turns a publish's one queued row into one outbox row per subscriber, due from the publish", async () => {
    const subject = await publishTo(5);
    expect(await rowsFor(subject)).toEqual([]);
    const [queued] = await fanOutsFor(subject);
    await expandFanOuts(db());
    const rows = (await rowsFor(subject)).filter((r) => r.audience === "public");
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.nextAttemptAt.getTime() === queued!.createdAt.getTime())).toBe(true);
    expect(
      (await fanOutsFor(subject)).find((f) => f.spec.audience.kind === "subscribers"),
    ).toMatchObject({ recipients: 5 });
  });

  it("a fan-out expanded again (a crash before its mark committed) adds nobody twice", async () => {
    const subject = await publishTo(4);
    await expandFanOuts(db());
    await db()
      .update(notificationFanOuts)
      .set({ expandedAt: null, expandedThrough: null })
      .where(sql`${notificationFanOuts.spec}->>'subjectId' = ${subject}`);
    await expandFanOuts(db());
    expect((await rowsFor(subject)).filter((r) => r.audience === "public")).toHaveLength(4);
  });

  it("a large fan-out goes out a chunk at a time: the first recipients are queued before the rest exist", async () => {
    const subject = await publishTo(7);
    const publicRows = async () => (await rowsFor(subject)).filter((r) => r.audience === "public");
    const subscribersFanOut = async () =>
      (await fanOutsFor(subject)).find((f) => f.spec.audience.kind === "subscribers")!;

    await expandFanOuts(db(), { chunk: 3, rowBudget: 3 });
    expect(await publicRows()).toHaveLength(3);
    expect(await subscribersFanOut()).toMatchObject({ recipients: 3, expandedAt: null });

    await expandFanOuts(db(), { chunk: 3, rowBudget: Infinity });
    const rows = await publicRows();
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((r) => r.subscriberId)).size).toBe(7);
    const done = await subscribersFanOut();
    expect(done).toMatchObject({ recipients: 7, expandedThrough: null });
    expect(done.expandedAt).not.toBeNull();
  });

  // Several connections are a PostgreSQL matter: PGlite has one.
  if (engine === "postgres") {
    it("workers expanding side by side reach everyone once", async () => {
      const subjects = [await publishTo(3), await publishTo(3), await publishTo(3)];
      await Promise.all([expandFanOuts(db()), expandFanOuts(db()), expandFanOuts(db())]);
      for (const subject of subjects)
        expect((await rowsFor(subject)).filter((r) => r.audience === "public")).toHaveLength(3);
    });
  }

  it("drops fan-outs a week after expansion, never one still queued", async () => {
    const expanded = await publishTo(1);
    await expandFanOuts(db());
    const queued = await publishTo(1);
    await pruneExpandedFanOuts(db(), new Date(Date.now() + 8 * 24 * 3_600_000));
    expect(await fanOutsFor(expanded)).toEqual([]);
    expect((await fanOutsFor(queued)).length).toBeGreaterThan(0);
    expect((await rowsFor(expanded)).length).toBeGreaterThan(0);
  });
});
