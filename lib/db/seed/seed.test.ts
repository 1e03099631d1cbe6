import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { openPglite, type Db, type DbHandle } from "../client";
import { migrate } from "../migrate";
import * as t from "../schema";
import { seedDemoData } from "./index";

const MINUTE = 60_000;
/** The morning New York leaves daylight saving time, to keep the time maths honest. */
const NOW = new Date("2025-11-02T05:30:00Z");

async function freshDb(): Promise<DbHandle> {
  const handle = await openPglite();
  await migrate(handle);
  return handle;
}

/** The single row of a result, failing the test when there is not exactly one. */
function only<T>(rows: T[]): T {
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

function first<T>(rows: T[] | undefined): T {
  expect(rows?.length).toBeGreaterThan(0);
  return rows![0]!;
}

function last<T>(rows: T[] | undefined): T {
  expect(rows?.length).toBeGreaterThan(0);
  return rows!.at(-1)!;
}

async function updatesByIncident(db: Db) {
  const updates = await db
    .select()
    .from(t.incidentUpdates)
    .orderBy(asc(t.incidentUpdates.displayAt));
  const grouped = new Map<string, typeof updates>();
  for (const update of updates)
    grouped.set(update.incidentId, [...(grouped.get(update.incidentId) ?? []), update]);
  return grouped;
}

describe("seedDemoData on an empty database", () => {
  let handle: DbHandle;
  let db: Db;
  let result: { seeded: boolean };

  beforeAll(async () => {
    handle = await freshDb();
    db = handle.db;
    result = await seedDemoData(db, NOW);
  });
  afterAll(() => handle.close());

  it("builds the Acme Cloud page: three ordered groups of about ten components", async () => {
    expect(result).toEqual({ seeded: true });
    const [settings] = await db.select().from(t.pageSettings);
    expect(settings).toMatchObject({ name: "Acme Cloud Status", timeZone: "America/New_York" });
    const groups = await db
      .select()
      .from(t.componentGroups)
      .orderBy(asc(t.componentGroups.position));
    expect(groups.map((g) => g.name)).toEqual(["Core Platform", "APIs", "Regions"]);
    const components = await db.select().from(t.components);
    expect(components.length).toBeGreaterThanOrEqual(9);
    expect(components.length).toBeLessThanOrEqual(12);
    expect(components.filter((c) => c.onlyShowIfDegraded)).toHaveLength(1);
    expect(new Set(components.map((c) => c.startDate)).size).toBe(2);
  });

  it("keeps every component's status equal to the end of a consistent event chain", async () => {
    const components = await db.select().from(t.components);
    const events = await db
      .select()
      .from(t.componentStatusEvents)
      .orderBy(asc(t.componentStatusEvents.at));
    for (const component of components) {
      const own = events.filter((e) => e.componentId === component.id);
      expect(first(own)).toMatchObject({ fromStatus: null, toStatus: "operational" });
      expect(first(own).at.toISOString().slice(0, 10)).toBe(component.startDate);
      own.slice(1).forEach((event, i) => expect(event.fromStatus).toBe(own[i]!.toStatus));
      expect(component.status).toBe(last(own).toStatus);
    }
    expect(events.every((e) => e.at <= NOW)).toBe(true);
    expect(events.filter((e) => e.cause === "maintenance").every((e) => e.maintenanceId)).toBe(
      true,
    );
    expect(events.filter((e) => e.cause === "incident").every((e) => e.incidentId)).toBe(true);
  });

  it("has exactly one open incident, its latest update promising the next one after now", async () => {
    const open = only((await db.select().from(t.incidents)).filter((i) => i.state !== "resolved"));
    expect(open).toMatchObject({ severity: "SEV2", state: "identified", cadenceMinutes: 60 });
    const latest = last((await updatesByIncident(db)).get(open.id));
    expect(latest.nextUpdateBy?.getTime()).toBe(latest.displayAt.getTime() + 60 * MINUTE);
    expect(latest.nextUpdateBy?.getTime()).toBeGreaterThan(NOW.getTime());

    // The page shows as degraded exactly the components of the open incident.
    const affected = await db
      .select()
      .from(t.incidentComponents)
      .where(eq(t.incidentComponents.incidentId, open.id));
    const degraded = (await db.select().from(t.components)).filter(
      (c) => c.status !== "operational",
    );
    expect(degraded.map((c) => c.id).sort()).toEqual(affected.map((a) => a.componentId).sort());
  });

  it("gives resolved incidents a full, promise-keeping timeline", async () => {
    const resolved = (await db.select().from(t.incidents)).filter((i) => i.state === "resolved");
    expect(resolved.length).toBeGreaterThanOrEqual(5);
    expect(new Set(resolved.map((i) => i.severity))).toEqual(
      new Set(["SEV1", "SEV2", "SEV3", "SEV4"]),
    );
    const impacts = { SEV1: "critical", SEV2: "major", SEV3: "minor", SEV4: "none" };
    const byIncident = await updatesByIncident(db);
    for (const incident of resolved) {
      const updates = byIncident.get(incident.id) ?? [];
      expect(incident.impact).toBe(impacts[incident.severity]);
      expect(updates.length).toBeGreaterThanOrEqual(3);
      expect(first(updates).state).toBe("investigating");
      expect(last(updates)).toMatchObject({ state: "resolved", nextUpdateBy: null });
      expect(incident.resolvedAt).toEqual(last(updates).displayAt);
      for (const [i, update] of updates.slice(0, -1).entries()) {
        const promised =
          incident.cadenceMinutes && update.displayAt.getTime() + incident.cadenceMinutes * MINUTE;
        expect(update.nextUpdateBy?.getTime() ?? null).toBe(promised || null);
        if (promised) expect(updates[i + 1]!.displayAt.getTime()).toBeLessThanOrEqual(promised);
      }
      expect(
        updates.every((u) => u.displayAt <= NOW && u.body.includes("**Current status:**")),
      ).toBe(true);
    }
    const spansMidnight = resolved.filter(
      (i) => i.startedAt.getUTCDate() !== i.resolvedAt!.getUTCDate(),
    );
    expect(spansMidnight.length).toBeGreaterThan(0);
  });

  it("publishes one postmortem with its revision and action items", async () => {
    const postmortem = only(
      await db.select().from(t.postmortems).where(eq(t.postmortems.state, "published")),
    );
    expect(postmortem.publishedRevision).toBe(1);
    expect(Object.values(postmortem.sections).every((section) => section.length > 0)).toBe(true);
    const incident = only(
      await db.select().from(t.incidents).where(eq(t.incidents.id, postmortem.incidentId)),
    );
    expect(incident.state).toBe("resolved");
    expect(["SEV1", "SEV2"]).toContain(incident.severity);
    expect(postmortem.firstPublishedAt!.getTime()).toBeGreaterThan(incident.resolvedAt!.getTime());
    const revisions = await db.select().from(t.postmortemRevisions);
    expect(revisions).toMatchObject([
      { postmortemId: postmortem.id, revision: 1, sections: postmortem.sections },
    ]);
    const items = await db.select().from(t.postmortemActionItems);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(items.map((i) => i.status)).size).toBeGreaterThan(1);
  });

  it("promises an RCA for a recent incident that has no postmortem yet", async () => {
    const promised = only((await db.select().from(t.incidents)).filter((i) => i.rcaDueOn));
    expect(promised.state).toBe("resolved");
    expect(new Date(promised.rcaDueOn!).getTime()).toBeGreaterThan(NOW.getTime());
    const postmortems = await db
      .select()
      .from(t.postmortems)
      .where(eq(t.postmortems.incidentId, promised.id));
    expect(postmortems).toHaveLength(0);
  });

  it("schedules one maintenance ahead and records a completed one in the history", async () => {
    const all = await db.select().from(t.maintenances);
    const componentsOf = (id: string) =>
      db
        .select()
        .from(t.maintenanceComponents)
        .where(eq(t.maintenanceComponents.maintenanceId, id));
    const scheduled = only(all.filter((m) => m.state === "scheduled"));
    expect(scheduled.scheduledFor.getTime()).toBeGreaterThan(NOW.getTime());
    expect(scheduled.scheduledUntil.getTime() - scheduled.scheduledFor.getTime()).toBe(
      120 * MINUTE,
    );
    expect((await componentsOf(scheduled.id)).length).toBeGreaterThan(0);

    const completed = only(all.filter((m) => m.state === "completed"));
    const updates = await db
      .select()
      .from(t.maintenanceUpdates)
      .where(eq(t.maintenanceUpdates.maintenanceId, completed.id));
    expect(updates.map((u) => u.state).sort()).toEqual(["completed", "in_progress", "scheduled"]);
    const windowEvents = await db
      .select()
      .from(t.componentStatusEvents)
      .where(eq(t.componentStatusEvents.maintenanceId, completed.id));
    expect(windowEvents).toHaveLength((await componentsOf(completed.id)).length * 2);
    for (const event of windowEvents) {
      const expectedAt =
        event.toStatus === "under_maintenance" ? completed.startedAt : completed.completedAt;
      expect(event.at).toEqual(expectedAt);
    }
  });

  it("does nothing the second time", async () => {
    const before = await Promise.all([
      db.$count(t.components),
      db.$count(t.incidents),
      db.$count(t.componentStatusEvents),
    ]);
    expect(await seedDemoData(db, NOW)).toEqual({ seeded: false });
    const after = await Promise.all([
      db.$count(t.components),
      db.$count(t.incidents),
      db.$count(t.componentStatusEvents),
    ]);
    expect(after).toEqual(before);
  });
});

describe("seedDemoData at other times of day", () => {
  it.each(["2026-03-08T00:04:00Z", "2026-06-30T23:58:00Z"])(
    "keeps the past in the past at %s",
    async (iso) => {
      const now = new Date(iso);
      const handle = await freshDb();
      try {
        expect(await seedDemoData(handle.db, now)).toEqual({ seeded: true });
        const updates = await handle.db.select().from(t.incidentUpdates);
        expect(updates.every((u) => u.displayAt <= now)).toBe(true);
        const events = await handle.db.select().from(t.componentStatusEvents);
        expect(events.every((e) => e.at <= now)).toBe(true);
        const open = only(
          (await handle.db.select().from(t.incidents)).filter((i) => i.state !== "resolved"),
        );
        expect(open.startedAt.getTime()).toBe(now.getTime() - 50 * MINUTE);
      } finally {
        await handle.close();
      }
    },
  );
});
