import { beforeAll, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { seedDemoData } from "../db/seed";
import { components, maintenances } from "../db/schema";
import { describeEachEngine } from "../testing/databases";
import { readWire, TEST_BASE_URL } from "./test-helpers";
import type { WireComponent } from "./wire-schema";

const isSortedDesc = (times: string[]) => times.every((t, i) => i === 0 || times[i - 1]! >= t);

describeEachEngine("Statuspage serializers on the demo page", ({ db }) => {
  let wire: Awaited<ReturnType<typeof readWire>>;
  beforeAll(async () => {
    await seedDemoData(db());
    wire = await readWire(db());
  });

  it("lists each group before its members, groups carrying member ids and leaves no `components` key", () => {
    const list = wire("components.json").components;
    expect(list.map((c) => c.position)).toEqual(list.map((_, i) => i + 1));
    const groups = list.filter((c) => c.group);
    expect(groups.map((g) => g.name)).toEqual(["Core Platform", "APIs", "Regions"]);
    for (const group of groups) {
      const at = list.indexOf(group);
      const members = list.slice(at + 1, at + 1 + (group.components?.length ?? 0));
      expect(members.map((m) => m.id)).toEqual(group.components);
      expect(
        members.every((m) => !m.group && m.group_id === group.id && !("components" in m)),
      ).toBe(true);
    }
    // Listed even while healthy: the API shows what the page hides until it degrades.
    expect(list.find((c) => c.name === "Legacy v1 API")).toMatchObject({
      only_show_if_degraded: true,
      group: false,
    });
  });

  it("gives a group the status of its worst member", () => {
    const list = wire("components.json").components;
    const byId = new Map(list.map((c) => [c.id, c]));
    const regions = list.find((c) => c.name === "Regions") as WireComponent & {
      components: string[];
    };
    expect(regions.components.map((id) => byId.get(id)!.status)).toContain("partial_outage");
    expect(regions.status).toBe("partial_outage");
    expect(list.find((c) => c.name === "Core Platform")!.status).toBe("operational");
  });

  it("reports the open SEV2 incident with Statuspage's wording, updates newest first", () => {
    const summary = wire("summary.json");
    expect(summary.status).toEqual({ indicator: "major", description: "Partial System Outage" });
    const [incident, ...others] = summary.incidents;
    expect(others).toEqual([]);
    expect(incident).toMatchObject({
      name: "Failed instance launches in US East (N. Virginia)",
      status: "identified",
      impact: "major",
      resolved_at: null,
    });
    expect(incident!.shortlink).toBe(`${TEST_BASE_URL}/incidents/${incident!.id}`);
    expect(incident!.incident_updates.map((u) => u.status)).toEqual([
      "identified",
      "investigating",
    ]);
    expect(incident!.components.map((c) => c.name).sort()).toEqual([
      "US East (N. Virginia)",
      "Webhooks",
    ]);
  });

  it("describes component changes per update, and null for an update that changed none", () => {
    const [latest, first] = wire("incidents/unresolved.json").incidents[0]!.incident_updates;
    expect(latest!.affected_components).toBeNull();
    expect(first!.affected_components).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: "US East (N. Virginia)",
          old_status: "operational",
          new_status: "partial_outage",
        }),
      ]),
    );
    expect(first).toMatchObject({
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    });
  });

  it("lists recent incidents newest first, a resolved one with a published RCA as `postmortem`", () => {
    const incidents = wire("incidents.json").incidents;
    expect(incidents).toHaveLength(7);
    expect(isSortedDesc(incidents.map((i) => i.started_at))).toBe(true);
    expect(
      incidents.find((i) => i.name === "Sign-in, dashboard and API requests failing"),
    ).toMatchObject({ status: "postmortem", impact: "critical" });
    expect(incidents.filter((i) => i.status === "postmortem")).toHaveLength(1);
    for (const incident of incidents)
      expect(isSortedDesc(incident.incident_updates.map((u) => u.display_at))).toBe(true);
  });

  it("shows maintenance as incidents with a window: upcoming in the summary, completed only in the history", () => {
    const upcoming = wire("scheduled-maintenances/upcoming.json").scheduled_maintenances;
    expect(upcoming).toMatchObject([
      {
        name: "Network upgrade in EU West (Dublin)",
        status: "scheduled",
        impact: "maintenance",
        resolved_at: null,
      },
    ]);
    expect(upcoming[0]!.shortlink).toBe(`${TEST_BASE_URL}/maintenance/${upcoming[0]!.id}`);
    expect(wire("summary.json").scheduled_maintenances.map((m) => m.id)).toEqual([upcoming[0]!.id]);
    expect(wire("scheduled-maintenances/active.json").scheduled_maintenances).toEqual([]);

    const all = wire("scheduled-maintenances.json").scheduled_maintenances;
    const completed = all.find((m) => m.status === "completed")!;
    expect(completed.resolved_at).not.toBeNull();
    expect(completed.incident_updates.map((u) => u.status)).toEqual([
      "completed",
      "in_progress",
      "scheduled",
    ]);
    expect(completed.components.map((c) => c.name)).toEqual(["Dashboard", "Billing"]);
  });
});

describeEachEngine("Statuspage serializers hide what the public must not see", ({ db }) => {
  it("drops a hidden component from every list and a cancelled maintenance from every endpoint", async () => {
    await seedDemoData(db());
    const before = await readWire(db());
    const webhooks = before("components.json").components.find((c) => c.name === "Webhooks")!;
    const upcoming = before("scheduled-maintenances/upcoming.json").scheduled_maintenances[0]!;
    await db().update(components).set({ visible: false }).where(eq(components.id, webhooks.id));
    await db()
      .update(maintenances)
      .set({ state: "cancelled" })
      .where(eq(maintenances.id, upcoming.id));

    const after = await readWire(db());
    const text = JSON.stringify([
      after("summary.json"),
      after("incidents.json"),
      after("scheduled-maintenances.json"),
    ]);
    expect(text).not.toContain(webhooks.id);
    expect(text).not.toContain(upcoming.id);
    expect(after("scheduled-maintenances/upcoming.json").scheduled_maintenances).toEqual([]);
    // The incident's other change is still described.
    const firstUpdate = after("incidents/unresolved.json").incidents[0]!.incident_updates.at(-1)!;
    expect(firstUpdate.affected_components?.map((c) => c.name)).toEqual(["US East (N. Virginia)"]);
  });
});
