import { beforeAll, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { components } from "../db/schema";
import { seedDemoData } from "../db/seed";
import { buildStatusSnapshot } from "../public/status-snapshot";
import { describeEachEngine } from "../testing/databases";
import { componentBadge, overallBadge } from "./status-badges";

describeEachEngine("status badges on an empty page", ({ db }) => {
  it("say operational in green", async () => {
    expect(overallBadge(await buildStatusSnapshot(db()))).toEqual({
      label: "status",
      message: "operational",
      color: "brightgreen",
    });
  });
});

describeEachEngine("status badges on the demo page", ({ db }) => {
  beforeAll(async () => {
    await seedDemoData(db());
  });

  it("report the open SEV2 incident as a partial outage, for the page, a component and its group", async () => {
    const snapshot = await buildStatusSnapshot(db());
    expect(overallBadge(snapshot)).toEqual({
      label: "status",
      message: "partial outage",
      color: "orange",
    });
    const usEast = snapshot.components.find((c) => c.name === "US East (N. Virginia)")!;
    expect(componentBadge(snapshot, usEast.id)).toEqual({
      label: "US East (N. Virginia)",
      message: "partial outage",
      color: "orange",
    });
    const regions = snapshot.groups.find((g) => g.name === "Regions")!;
    expect(componentBadge(snapshot, regions.id)).toMatchObject({
      label: "Regions",
      message: "partial outage",
    });
  });

  it("know nothing of a hidden or unknown component", async () => {
    const [dashboard] = await db()
      .update(components)
      .set({ visible: false })
      .where(eq(components.name, "Dashboard"))
      .returning();
    try {
      const snapshot = await buildStatusSnapshot(db());
      expect(componentBadge(snapshot, dashboard!.id)).toBeNull();
      expect(componentBadge(snapshot, "nosuchthing0")).toBeNull();
    } finally {
      await db().update(components).set({ visible: true }).where(eq(components.id, dashboard!.id));
    }
  });
});
