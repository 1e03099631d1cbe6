import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import {
  components,
  componentStatusEvents,
  componentUptimeDaily,
  incidentComponents,
  incidents,
} from "../db/schema";
import { loadUptime } from "./load-uptime";

const now = new Date("2026-05-20T12:00:00Z");

describeEachEngine("loadUptime", ({ db }) => {
  async function component(startDate: string) {
    const [c] = await db()
      .insert(components)
      .values({ name: `C ${startDate}`, startDate })
      .returning();
    return c!;
  }
  const event = (
    componentId: string,
    at: string,
    toStatus: "major_outage" | "partial_outage" | "operational",
  ) =>
    db()
      .insert(componentStatusEvents)
      .values({ componentId, at: new Date(at), toStatus, cause: "manual" });

  /** A resolved incident that affected `componentId` from `from` until `until`. */
  async function resolvedIncident(
    componentId: string,
    i: {
      title: string;
      severity: "SEV1" | "SEV2";
      impact: "critical" | "major";
      status: "major_outage" | "partial_outage";
      from: string;
      until: string;
    },
  ) {
    const [incident] = await db()
      .insert(incidents)
      .values({
        title: i.title,
        severity: i.severity,
        impact: i.impact,
        state: "resolved",
        startedAt: new Date(i.from),
        resolvedAt: new Date(i.until),
      })
      .returning();
    await db()
      .insert(incidentComponents)
      .values({ incidentId: incident!.id, componentId, status: i.status });
  }

  it("counts nothing before the start date and today only up to now", async () => {
    const c = await component("2026-05-18");
    await event(c.id, "2026-05-20T11:00:00Z", "major_outage");
    const uptime = (await loadUptime(db(), { timeZone: "UTC", days: 5, now })).get(c.id)!;
    expect(uptime.days.map((d) => d.day)).toEqual([
      "2026-05-16",
      "2026-05-17",
      "2026-05-18",
      "2026-05-19",
      "2026-05-20",
    ]);
    expect(uptime.days.slice(0, 2).map((d) => d.uptime)).toEqual([null, null]);
    expect(uptime.days[2]!.uptime).toBe(1);
    expect(uptime.days[4]!.uptime).toBeCloseTo(1 - 60 / 720, 6);
    // 2 full days + 12 h observed, 1 h down.
    expect(uptime.uptime).toBeCloseTo(1 - 60 / (2 * 1440 + 720), 6);
  });

  it("recomputes a stored day when an incident is backfilled into it", async () => {
    const c = await component("2026-05-01");
    const before = (await loadUptime(db(), { timeZone: "UTC", days: 3, now })).get(c.id)!;
    expect(before.days[0]!.uptime).toBe(1);
    expect(
      await db()
        .select()
        .from(componentUptimeDaily)
        .where(eq(componentUptimeDaily.componentId, c.id)),
    ).toHaveLength(2);

    await event(c.id, "2026-05-18T06:00:00Z", "partial_outage");
    await event(c.id, "2026-05-18T16:00:00Z", "operational");
    const after = (await loadUptime(db(), { timeZone: "UTC", days: 3, now })).get(c.id)!;
    expect(after.days[0]).toMatchObject({
      day: "2026-05-18",
      partialMinutes: 600,
      downtimeMinutes: 180,
    });
  });

  it("recomputes everything when the page's time zone changes, and lists each day's incidents", async () => {
    const c = await component("2026-05-01");
    await event(c.id, "2026-05-19T02:00:00Z", "major_outage");
    await event(c.id, "2026-05-19T03:00:00Z", "operational");
    await resolvedIncident(c.id, {
      title: "Night outage",
      severity: "SEV1",
      impact: "critical",
      status: "major_outage",
      from: "2026-05-19T02:00:00Z",
      until: "2026-05-19T03:00:00Z",
    });

    const utc = (await loadUptime(db(), { timeZone: "UTC", days: 3, now })).get(c.id)!;
    expect(utc.days.find((d) => d.day === "2026-05-19")).toMatchObject({
      majorMinutes: 60,
      incidents: [{ title: "Night outage" }],
    });
    // In Los Angeles (UTC−7) the same hour falls on the evening of the 18th.
    const la = (await loadUptime(db(), { timeZone: "America/Los_Angeles", days: 3, now })).get(
      c.id,
    )!;
    expect(la.days.find((d) => d.day === "2026-05-18")).toMatchObject({
      majorMinutes: 60,
      incidents: [{ title: "Night outage" }],
    });
    expect(la.days.find((d) => d.day === "2026-05-19")).toMatchObject({
      majorMinutes: 0,
      incidents: [],
    });
  });

  it("a past window computes and stores that window's days only, not every day since", async () => {
    const c = await component("2026-01-01");
    // Three months ending two years ago: stored rows are bounded by the window, not by the time since.
    const shown = await loadUptime(db(), {
      timeZone: "UTC",
      days: 92,
      now,
      endDay: "2024-05-31",
    });
    const rows = await db()
      .select()
      .from(componentUptimeDaily)
      .where(eq(componentUptimeDaily.componentId, c.id));
    expect(rows.map((r) => r.day).sort()).toEqual(shown.get(c.id)!.days.map((d) => d.day));
    expect(rows[0]!.day >= "2024-03-01" && rows.at(-1)!.day <= "2024-05-31").toBe(true);
  });

  it("reuses a page's past days across renders, but never over a change: a new incident, a moved start date", async () => {
    const c = await component("2026-05-01");
    const first = (await loadUptime(db(), { timeZone: "UTC", days: 3, now })).get(c.id)!;
    expect(first.days.map((d) => [d.uptime, d.incidents.length])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);

    await resolvedIncident(c.id, {
      title: "Card payments failing",
      severity: "SEV2",
      impact: "major",
      status: "partial_outage",
      from: "2026-05-18T09:00:00Z",
      until: "2026-05-18T09:30:00Z",
    });
    const second = (await loadUptime(db(), { timeZone: "UTC", days: 3, now })).get(c.id)!;
    expect(second.days[0]).toMatchObject({
      day: "2026-05-18",
      incidents: [{ title: "Card payments failing" }],
    });
    expect(second.days[1]!.incidents).toEqual([]);

    // The component is now said to start on the 19th: the 18th no longer counts.
    await db().update(components).set({ startDate: "2026-05-19" }).where(eq(components.id, c.id));
    const third = (await loadUptime(db(), { timeZone: "UTC", days: 3, now })).get(c.id)!;
    expect(third.days.map((d) => d.uptime)).toEqual([null, 1, 1]);
  });
});
