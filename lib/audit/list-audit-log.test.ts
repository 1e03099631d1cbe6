import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { declareTestIncident } from "../testing/console-factories";
import { anonymousActor } from "../context";
import { setComponentStatus } from "../components/set-component-status";
import { createComponent } from "../components/save-component";
import { listAuditLog } from "./list-audit-log";

describeEachEngine("listAuditLog", ({ db }) => {
  it("filters by who and by kind of action, newest first", async () => {
    const alice = await createMember(db(), "editor");
    const bob = await createMember(db(), "editor");
    const { incident } = await declareTestIncident(alice);
    const component = await createComponent({ ctx: bob, input: { name: "Search" } });
    await setComponentStatus({
      ctx: bob,
      input: { componentId: component.id, status: "partial_outage" },
    });
    const viewer = await createMember(db(), "viewer");

    const byBob = await listAuditLog({ ctx: viewer, input: { actor: bob.email.slice(0, 12) } });
    expect(byBob.entries.map((e) => e.action)).toEqual(["component.status", "component.create"]);
    const incidents = await listAuditLog({ ctx: viewer, input: { action: "incident" } });
    expect(incidents.entries).toMatchObject([
      { action: "incident.declare", targetId: incident.id, actorLabel: alice.email },
    ]);
    expect((await listAuditLog({ ctx: viewer, input: { action: "%" } })).entries).toEqual([]);
  });

  it("pages through entries written in the same instant without skipping any", async () => {
    const owner = await createMember(db(), "owner");
    // One transaction's entries share a timestamp: 60 component creations in one go.
    await db().transaction(async (tx) => {
      for (let i = 0; i < 60; i++)
        await createComponent({ ctx: { ...owner, db: tx }, input: { name: `Bulk ${i}` } });
    });
    const first = await listAuditLog({
      ctx: owner,
      input: { action: "component.create", actor: owner.email },
    });
    expect(first.entries).toHaveLength(50);
    const second = await listAuditLog({
      ctx: owner,
      input: { action: "component.create", actor: owner.email, before: first.olderThan },
    });
    expect(second.olderThan).toBeNull();
    const ids = [...first.entries, ...second.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(60);
  });

  it("is for members only", async () => {
    await expect(
      listAuditLog({ ctx: { db: db(), actor: anonymousActor }, input: {} }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
