import { eq, like } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { incidents, notificationOutbox } from "../db/schema";
import { createIncident, recordingTransport } from "../notifications/test-helpers";
import { deliverOutboxBatch } from "./deliver-outbox";
import { enqueueCadenceReminders } from "./enqueue-reminders";

const MINUTE = 60_000;

describeEachEngine("cadence reminders", ({ db }) => {
  it("tells the comms lead at T−5 and when overdue, every editor after one more cadence, each once", async () => {
    const lead = await createMember(db(), "editor");
    const otherEditor = await createMember(db(), "editor");
    const viewer = await createMember(db(), "viewer");
    const published = new Date();
    const due = new Date(published.getTime() + 30 * MINUTE);
    const { incident } = await createIncident(db(), {
      cadenceMinutes: 30,
      commsLeadId: lead.actor.kind === "user" ? lead.actor.id : null,
      update: { displayAt: published, nextUpdateBy: due },
    });
    const mine = async () =>
      (
        await db()
          .select()
          .from(notificationOutbox)
          .where(eq(notificationOutbox.subjectId, incident.id))
      )
        .map((r) => `${r.eventType}→${r.recipient}`)
        .sort();
    const tick = (at: number) =>
      enqueueCadenceReminders(db(), new Date(due.getTime() + at * MINUTE));

    await tick(-10);
    expect(await mine()).toEqual([]);
    await tick(-4);
    await tick(-3); // a second tick, or a restarted worker, in the same stage adds nothing
    expect(await mine()).toEqual([`reminder.due_soon→${lead.email}`]);
    await tick(1);
    await tick(2);
    expect(await mine()).toEqual(
      [`reminder.due_soon→${lead.email}`, `reminder.overdue→${lead.email}`].sort(),
    );
    await tick(31);
    await tick(45);
    const all = await mine();
    expect(all.filter((r) => r.startsWith("reminder.escalated"))).toEqual(
      [`reminder.escalated→${lead.email}`, `reminder.escalated→${otherEditor.email}`].sort(),
    );
    expect(all.some((r) => r.endsWith(viewer.email))).toBe(false);

    // The email names the promised time and links to the console.
    const transport = recordingTransport();
    while (
      (await deliverOutboxBatch({ db: db(), transport, baseUrl: "http://status.test" })).claimed > 0
    );
    const overdue = transport.sent.find(
      (m) => m.to === lead.email && /^Update overdue/.test(m.subject),
    )!;
    expect(overdue.text).toMatch(/promised an update by \d\d:\d\d UTC/);
    expect(overdue.html).toContain(`http://status.test/admin/incidents/${incident.id}`);
  });

  it("a resolved incident gets no reminders, and queued ones are skipped", async () => {
    const lead = await createMember(db(), "editor");
    const due = new Date(Date.now() - 2 * MINUTE);
    const { incident } = await createIncident(db(), {
      commsLeadId: lead.actor.kind === "user" ? lead.actor.id : null,
      update: { displayAt: new Date(due.getTime() - 30 * MINUTE), nextUpdateBy: due },
    });
    await enqueueCadenceReminders(db(), new Date());
    await db().update(incidents).set({ state: "resolved" }).where(eq(incidents.id, incident.id));
    await enqueueCadenceReminders(db(), new Date(Date.now() + 60 * MINUTE));
    const transport = recordingTransport();
    while (
      (await deliverOutboxBatch({ db: db(), transport, baseUrl: "http://status.test" })).claimed > 0
    );
    // (Other tests' open incidents may escalate to this editor too; only this incident matters here.)
    expect(
      transport.sent.filter((m) => m.idempotencyKey!.startsWith(`cadence:${incident.id}:`)),
    ).toEqual([]);
    const rows = await db()
      .select()
      .from(notificationOutbox)
      .where(like(notificationOutbox.idempotencyKey, `cadence:${incident.id}:%`));
    expect(rows.map((r) => r.state)).toEqual(["skipped"]);
  });
});
