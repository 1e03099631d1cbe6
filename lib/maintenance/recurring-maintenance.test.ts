import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { maintenanceComponents, maintenances } from "../db/schema";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createComponent, createEmailSubscriber, outboxRows } from "../notifications/test-helpers";
import { cancelMaintenance } from "./maintenance-transitions";
import { scheduleMaintenance } from "./schedule-maintenance";
import { scheduleNextOccurrences } from "./schedule-next-occurrences";
import { stopRepeatingMaintenance } from "./stop-repeating";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// The worker schedules every series at once: tests count their own series' occurrences.
describeEachEngine("recurring maintenance", ({ db }) => {
  async function weeklyWindow(extra: Record<string, unknown> = {}) {
    const editor = await createMember(db(), "editor");
    const component = await createComponent(db());
    const subscriber = await createEmailSubscriber(db(), { componentIds: [component.id] });
    const start = new Date(Math.ceil((Date.now() + 2 * HOUR) / 60_000) * 60_000);
    const first = await scheduleMaintenance({
      ctx: editor,
      input: {
        title: `Weekly patching ${component.id}`,
        body: "Nodes restart one at a time.",
        scheduledFor: start.toISOString(),
        scheduledUntil: new Date(start.getTime() + HOUR).toISOString(),
        components: [component.id],
        repeat: "weekly",
        ...extra,
      },
    });
    const series = () =>
      db()
        .select()
        .from(maintenances)
        .where(eq(maintenances.seriesId, first.id))
        .orderBy(maintenances.scheduledFor);
    return { editor, component, subscriber, first, start, series };
  }

  it("schedules the next occurrence once the current one is under way, announced like any window", async () => {
    const { component, subscriber, first, start, series } = await weeklyWindow();
    expect(first).toMatchObject({ repeat: "weekly", seriesId: first.id });
    await scheduleNextOccurrences(db(), new Date());
    expect(await series()).toHaveLength(1);

    const during = new Date(start.getTime() + 30 * 60_000);
    await scheduleNextOccurrences(db(), during);
    await scheduleNextOccurrences(db(), during);
    expect(await series()).toHaveLength(2);
    const [, next] = await series();
    expect(next).toMatchObject({
      title: first.title,
      repeat: "weekly",
      state: "scheduled",
      scheduledFor: new Date(start.getTime() + 7 * DAY),
      scheduledUntil: new Date(start.getTime() + 7 * DAY + HOUR),
    });
    const affected = await db()
      .select()
      .from(maintenanceComponents)
      .where(eq(maintenanceComponents.maintenanceId, next!.id));
    expect(affected.map((a) => a.componentId)).toEqual([component.id]);
    const announced = (await outboxRows(db())).filter(
      (r) => r.recipient === subscriber.email && r.eventType === "maintenance.scheduled",
    );
    expect(announced.map((r) => r.payload.maintenanceId).sort()).toEqual(
      [first.id, next!.id].sort(),
    );
  });

  it("skips a cancelled occurrence, not the series; stopping it schedules no more", async () => {
    const { editor, start, series } = await weeklyWindow();
    await scheduleNextOccurrences(db(), new Date(start.getTime() + 30 * 60_000));
    const [, second] = await series();
    await cancelMaintenance({ ctx: editor, input: { maintenanceId: second!.id } });
    await scheduleNextOccurrences(db(), new Date(start.getTime() + DAY));
    expect(await series()).toHaveLength(3);
    const third = (await series()).at(-1)!;
    expect(third.scheduledFor).toEqual(new Date(start.getTime() + 14 * DAY));

    await stopRepeatingMaintenance({ ctx: editor, input: { maintenanceId: third.id } });
    await scheduleNextOccurrences(db(), new Date(start.getTime() + 15 * DAY));
    expect(await series()).toHaveLength(3);
    expect((await series()).every((m) => m.repeat === null)).toBe(true);
  });

  it("ends at the repeat end date, and skips occurrences missed while the worker was down", async () => {
    const ending = await weeklyWindow({
      repeatUntil: new Date(Date.now() + 3 * DAY).toISOString(),
    });
    await scheduleNextOccurrences(db(), new Date(ending.start.getTime() + HOUR));
    expect(await ending.series()).toHaveLength(1);

    const missed = await weeklyWindow();
    const monthLater = new Date(missed.start.getTime() + 30 * DAY);
    await scheduleNextOccurrences(db(), monthLater);
    expect(await missed.series()).toHaveLength(2);
    expect((await missed.series()).at(-1)!.scheduledFor).toEqual(
      new Date(missed.start.getTime() + 35 * DAY),
    );
  });

  it("refuses a repeating window longer than its period, and a viewer", async () => {
    const editor = await createMember(db(), "editor");
    const component = await createComponent(db());
    const start = Date.now() + HOUR;
    const input = {
      title: "Long work",
      body: "Takes a while.",
      scheduledFor: new Date(start).toISOString(),
      scheduledUntil: new Date(start + 2 * DAY).toISOString(),
      components: [component.id],
      repeat: "daily",
    };
    const error = await scheduleMaintenance({ ctx: editor, input }).catch((e) => e);
    expect(error.fields).toMatchObject({
      repeat: "A repeating window must end before its next occurrence starts.",
    });
    const viewer = await createMember(db(), "viewer");
    await expect(
      stopRepeatingMaintenance({ ctx: viewer, input: { maintenanceId: "whatever" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
