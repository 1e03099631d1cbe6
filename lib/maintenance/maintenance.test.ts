import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createTestComponent, expectRefusedWithoutChanges } from "../testing/console-factories";
import { systemActor } from "../context";
import {
  components,
  componentStatusEvents,
  maintenances,
  maintenanceUpdates,
  pageSettings,
} from "../db/schema";
import { getPageSettings } from "../settings/get-page-settings";
import { scheduleMaintenance } from "./schedule-maintenance";
import {
  cancelMaintenance,
  completeMaintenance,
  startMaintenance,
  verifyMaintenance,
} from "./maintenance-transitions";
import { extendMaintenance } from "./extend-maintenance";
import { runMaintenanceSchedule } from "./run-maintenance-schedule";
import { createEmailSubscriber, outboxRows } from "../notifications/test-helpers";

const HOUR = 3_600_000;

describeEachEngine("maintenance", ({ db }) => {
  async function scheduled(overrides: Record<string, unknown> = {}) {
    const editor = await createMember(db(), "editor");
    const storage = await createTestComponent(db());
    const broken = await createTestComponent(db(), { status: "major_outage" });
    const window = await scheduleMaintenance({
      ctx: editor,
      input: {
        title: "Database upgrade",
        body: "Writes may be slow.",
        scheduledFor: new Date(Date.now() + HOUR).toISOString(),
        scheduledUntil: new Date(Date.now() + 2 * HOUR).toISOString(),
        components: [storage.id, broken.id],
        ...overrides,
      },
    });
    return { editor, storage, broken, window };
  }
  const statusOf = async (id: string) =>
    (await db().select().from(components).where(eq(components.id, id)))[0]!.status;

  it("shows components under maintenance while in progress, then restores them", async () => {
    const { editor, storage, broken, window } = await scheduled();
    expect(await statusOf(storage.id)).toBe("operational");
    await startMaintenance({ ctx: editor, input: { maintenanceId: window.id } });
    expect(await statusOf(storage.id)).toBe("under_maintenance");
    // A component already down for another reason keeps showing the outage.
    expect(await statusOf(broken.id)).toBe("major_outage");
    await verifyMaintenance({
      ctx: editor,
      input: { maintenanceId: window.id, body: "Checking replicas." },
    });
    const done = await completeMaintenance({ ctx: editor, input: { maintenanceId: window.id } });
    expect(done.state).toBe("completed");
    expect(await statusOf(storage.id)).toBe("operational");
    const events = await db()
      .select()
      .from(componentStatusEvents)
      .where(eq(componentStatusEvents.componentId, storage.id));
    expect(events.map((e) => `${e.toStatus}:${e.cause}:${e.maintenanceId}`)).toEqual([
      `under_maintenance:maintenance:${window.id}`,
      `operational:maintenance:${window.id}`,
    ]);
    const updates = await db()
      .select()
      .from(maintenanceUpdates)
      .where(eq(maintenanceUpdates.maintenanceId, window.id));
    expect(updates.map((u) => u.state)).toEqual([
      "scheduled",
      "in_progress",
      "verifying",
      "completed",
    ]);
    expect(updates.find((u) => u.state === "verifying")!.body).toBe("Checking replicas.");
  });

  it("tells subscribers on schedule, at start and at the end", async () => {
    const subscriber = await createEmailSubscriber(db());
    const { editor, window } = await scheduled();
    await startMaintenance({ ctx: editor, input: { maintenanceId: window.id } });
    await completeMaintenance({ ctx: editor, input: { maintenanceId: window.id } });
    const mine = (await outboxRows(db())).filter(
      (r) =>
        r.recipient === subscriber.email &&
        (r.payload as { maintenanceId?: string }).maintenanceId === window.id,
    );
    expect(mine.map((r) => r.eventType)).toEqual([
      "maintenance.scheduled",
      "maintenance.started",
      "maintenance.completed",
    ]);
  });

  it("cancels only before the start and refuses out-of-order moves", async () => {
    const { editor, window } = await scheduled();
    await expect(
      completeMaintenance({ ctx: editor, input: { maintenanceId: window.id } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await cancelMaintenance({ ctx: editor, input: { maintenanceId: window.id } });
    await expect(
      startMaintenance({ ctx: editor, input: { maintenanceId: window.id } }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("extends a window only to a later end", async () => {
    const { editor, window } = await scheduled();
    const later = new Date(window.scheduledUntil.getTime() + HOUR);
    expect(
      (
        await extendMaintenance({
          ctx: editor,
          input: { maintenanceId: window.id, scheduledUntil: later.toISOString() },
        })
      ).scheduledUntil,
    ).toEqual(later);
    const error = await extendMaintenance({
      ctx: editor,
      input: { maintenanceId: window.id, scheduledUntil: window.scheduledFor.toISOString() },
    }).catch((e) => e);
    expect(error.fields).toEqual({
      scheduledUntil: "The new end must be later than the current one.",
    });
  });

  it("tells customers the new end in the page's time zone", async () => {
    const { editor, window } = await scheduled();
    const { timeZone } = await getPageSettings(db());
    await db().update(pageSettings).set({ timeZone: "Asia/Kolkata" });
    try {
      await extendMaintenance({
        ctx: editor,
        input: { maintenanceId: window.id, scheduledUntil: "2099-12-01T09:00:00Z" },
      });
    } finally {
      await db().update(pageSettings).set({ timeZone });
    }
    const updates = await db()
      .select()
      .from(maintenanceUpdates)
      .where(eq(maintenanceUpdates.maintenanceId, window.id));
    expect(updates.map((u) => u.body)).toContain(
      "The maintenance window has been extended to Dec 1, 2099, 14:30 GMT+5:30.",
    );
  });

  it("names bad fields and writes nothing", async () => {
    const editor = await createMember(db(), "editor");
    const before = await db().select().from(maintenances);
    const error = await scheduleMaintenance({
      ctx: editor,
      input: {
        title: "",
        body: "x",
        scheduledFor: "2026-05-01T10:00:00Z",
        scheduledUntil: "2026-05-01T09:00:00Z",
        components: [],
      },
    }).catch((e) => e);
    expect(error.fields).toEqual({
      title: "Enter a title customers will understand.",
      components: "Pick at least one affected component.",
      scheduledUntil: "The end must be after the start.",
    });
    expect(await db().select().from(maintenances)).toHaveLength(before.length);
  });

  it("starts and completes on time when the worker runs the schedule", async () => {
    const { storage, window } = await scheduled();
    const system = { db: db(), actor: systemActor };
    expect(
      await runMaintenanceSchedule({
        ctx: system,
        now: new Date(window.scheduledFor.getTime() - 1000),
      }),
    ).not.toContain(window.id);
    expect(await runMaintenanceSchedule({ ctx: system, now: window.scheduledFor })).toContain(
      window.id,
    );
    expect(await statusOf(storage.id)).toBe("under_maintenance");
    expect(await runMaintenanceSchedule({ ctx: system, now: window.scheduledUntil })).toContain(
      window.id,
    );
    expect(await statusOf(storage.id)).toBe("operational");
  });

  it("refuses a viewer every maintenance write and changes nothing", async () => {
    const { window } = await scheduled();
    const viewer = await createMember(db(), "viewer");
    const writes = [
      scheduleMaintenance,
      startMaintenance,
      verifyMaintenance,
      completeMaintenance,
      cancelMaintenance,
      extendMaintenance,
    ];
    for (const write of writes) {
      await expectRefusedWithoutChanges(
        db(),
        write,
        viewer,
        { maintenanceId: window.id, scheduledUntil: new Date(Date.now() + 9 * HOUR).toISOString() },
        "forbidden",
      );
    }
    expect(
      (await db().select().from(maintenances).where(eq(maintenances.id, window.id)))[0]!.state,
    ).toBe("scheduled");
  });
});
