import { eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { devMailbox, notificationOutbox } from "../db/schema";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import { getDeliveryStatus } from "../notifications/delivery-status";
import {
  createComponent,
  createEmailSubscriber,
  createIncident,
  outboxRows,
  recordingTransport,
} from "../notifications/test-helpers";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import { runTick } from "../worker/run-tick";

const DAY = 86_400_000;

describeEachEngine("outbox retention", ({ db }) => {
  it("prunes finished rows and development mail past the retention period, keeping each update's counts", async () => {
    const viewer = await createMember(db(), "viewer");
    const c = await createComponent(db());
    for (let i = 0; i < 3; i++) await createEmailSubscriber(db(), { componentIds: [c.id] });
    const { incident, update } = await createIncident(db(), {
      affected: { [c.id]: "major_outage" },
    });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    const transport = recordingTransport();
    while ((await deliverOutboxBatch({ db: db(), transport, baseUrl: "http://s.test" })).claimed);
    const rows = (await outboxRows(db())).filter((r) => r.subjectId === update.id);
    const sentCount = rows.filter((r) => r.state === "sent").length;
    expect(sentCount).toBeGreaterThanOrEqual(3);
    // 40 days pass; one row of the update is somehow still pending (it must stay).
    const now = new Date(Date.now() + 40 * DAY);
    await db()
      .update(notificationOutbox)
      .set({ state: "pending" })
      .where(eq(notificationOutbox.id, rows[0]!.id));
    const [oldMail, newMail] = await db()
      .insert(devMailbox)
      .values([
        { idempotencyKey: `old-${update.id}`, to: "a@x.test", subject: "old", html: "", text: "" },
        {
          idempotencyKey: `new-${update.id}`,
          to: "a@x.test",
          subject: "new",
          html: "",
          text: "",
          createdAt: new Date(now.getTime() - DAY),
        },
      ])
      .returning();

    await runTick(db(), now, { retentionDays: 30 });
    await runTick(db(), now, { retentionDays: 30 });

    const left = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.subjectId, update.id));
    expect(left.map((r) => r.id)).toEqual([rows[0]!.id]);
    const after = await getDeliveryStatus({ ctx: viewer, subjectIds: [update.id] });
    expect(after[0]!.channels.reduce((n, ch) => n + ch.sent, 0)).toBe(sentCount - 1);
    expect(after[0]!.channels.reduce((n, ch) => n + ch.total, 0)).toBe(rows.length);

    const mail = await db()
      .select({ id: devMailbox.id })
      .from(devMailbox)
      .where(inArray(devMailbox.id, [oldMail!.id, newMail!.id]));
    expect(mail.map((m) => m.id)).toEqual([newMail!.id]);
  });
});
