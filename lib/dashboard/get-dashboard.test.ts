import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { anonymousActor } from "../context";
import { incidents } from "../db/schema";
import { getDashboard } from "./get-dashboard";

describeEachEngine("console dashboard", ({ db }) => {
  it("shows a viewer the open incidents", async () => {
    await db().insert(incidents).values({
      title: "Login failures",
      severity: "SEV1",
      impact: "critical",
      startedAt: new Date(),
    });
    const viewer = await createMember(db(), "viewer");
    const dashboard = await getDashboard({ ctx: viewer });
    expect(dashboard.openIncidents.map((i) => i.title)).toContain("Login failures");
  });

  it("gives anonymous callers nothing", async () => {
    await expect(getDashboard({ ctx: { db: db(), actor: anonymousActor } })).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });
});
