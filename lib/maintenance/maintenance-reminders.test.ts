import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { maintenances, notificationOutbox, pageSettings } from "../db/schema";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import {
  createComponent,
  createEmailSubscriber,
  outboxRows,
  recordingTransport,
} from "../notifications/test-helpers";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import { enqueueMaintenanceReminders } from "./enqueue-maintenance-reminders";
import { scheduleMaintenance } from "./schedule-maintenance";

const HOUR = 3_600_000;

describeEachEngine("reminders before a maintenance window", ({ db }) => {
  /** A window starting `startsInHours` from now, announced now, with one subscriber of its component. */
  async function upcomingWindow(startsInHours: number) {
    const editor = await createMember(db(), "editor");
    const component = await createComponent(db());
    const subscriber = await createEmailSubscriber(db(), { componentIds: [component.id] });
    const start = new Date(Date.now() + startsInHours * HOUR);
    const window = await scheduleMaintenance({
      ctx: editor,
      input: {
        title: `Database upgrade ${component.id}`,
        body: "Writes pause for up to five minutes.",
        scheduledFor: start.toISOString(),
        scheduledUntil: new Date(start.getTime() + HOUR).toISOString(),
        components: [component.id],
      },
    });
    const at = (hoursBefore: number) => new Date(start.getTime() - hoursBefore * HOUR);
    return { window, subscriber, at };
  }
  const remindersTo = async (email: string) =>
    (await outboxRows(db())).filter(
      (r) => r.recipient === email && r.eventType === "maintenance.reminder",
    );

  it("reminds subscribers 24 hours and 1 hour before, each once, with the lead in the subject", async () => {
    const { window, subscriber, at } = await upcomingWindow(30);
    expect(await enqueueMaintenanceReminders(db(), at(25))).toBe(0);
    expect(await enqueueMaintenanceReminders(db(), at(23))).toBe(1);
    expect(await enqueueMaintenanceReminders(db(), at(22))).toBe(0);
    expect(await enqueueMaintenanceReminders(db(), at(0.5))).toBe(1);
    expect(await enqueueMaintenanceReminders(db(), at(0.25))).toBe(0);
    expect(await remindersTo(subscriber.email!)).toHaveLength(2);

    const transport = recordingTransport();
    while ((await deliverOutboxBatch({ db: db(), transport, baseUrl: "http://s.test" })).claimed);
    const subjects = transport.sent
      .filter((m) => m.to === subscriber.email!)
      .map((m) => m.subject.replace(/^\[[^\]]*\] /, ""));
    expect(subjects).toEqual(
      expect.arrayContaining([
        `Maintenance in 24 hours: ${window.title}`,
        `Maintenance in 1 hour: ${window.title}`,
      ]),
    );
  });

  it("sends only the nearest reminder after the worker was down, and none the announcement covered", async () => {
    const late = await upcomingWindow(30);
    expect(await enqueueMaintenanceReminders(db(), late.at(0.5))).toBe(1);
    const [reminder] = await remindersTo(late.subscriber.email!);
    expect(reminder!.payload).toMatchObject({ startsInHours: 1 });

    // Announced three hours ahead: the 24-hour reminder never applies.
    const short = await upcomingWindow(3);
    expect(await enqueueMaintenanceReminders(db(), short.at(2))).toBe(0);
    expect(await enqueueMaintenanceReminders(db(), short.at(0.5))).toBe(1);
  });

  it("reminds again when the window moves, and not at all when the page turns reminders off", async () => {
    const moved = await upcomingWindow(30);
    expect(await enqueueMaintenanceReminders(db(), moved.at(23))).toBe(1);
    const later = new Date(moved.window.scheduledFor.getTime() + 48 * HOUR);
    await db()
      .update(maintenances)
      .set({ scheduledFor: later, scheduledUntil: new Date(later.getTime() + HOUR) })
      .where(eq(maintenances.id, moved.window.id));
    expect(await enqueueMaintenanceReminders(db(), new Date(later.getTime() - 23 * HOUR))).toBe(1);

    const quiet = await upcomingWindow(30);
    await db().update(pageSettings).set({ maintenanceReminderHours: [] });
    expect(await enqueueMaintenanceReminders(db(), quiet.at(0.5))).toBe(0);
    await db()
      .update(pageSettings)
      .set({ maintenanceReminderHours: [24, 1] });
    expect(
      await db()
        .select()
        .from(notificationOutbox)
        .where(eq(notificationOutbox.recipient, quiet.subscriber.email!)),
    ).toEqual([]);
  });
});
