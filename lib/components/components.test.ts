import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createTestComponent, createTestGroup, writeCounts } from "../testing/console-factories";
import { auditLog, componentStatusEvents } from "../db/schema";
import { listComponentTree } from "./list-component-tree";
import { setComponentStatus } from "./set-component-status";
import { createComponent, updateComponent } from "./save-component";
import { createComponentGroup, updateComponentGroup } from "./save-component-group";
import { moveComponent } from "./move-component";

describeEachEngine("components", ({ db }) => {
  it("records a manual status change as an event and in the audit log", async () => {
    const editor = await createMember(db(), "editor");
    const cdn = await createTestComponent(db());
    await setComponentStatus({
      ctx: editor,
      input: { componentId: cdn.id, status: "degraded_performance" },
    });
    const events = await db()
      .select()
      .from(componentStatusEvents)
      .where(eq(componentStatusEvents.componentId, cdn.id));
    expect(events).toMatchObject([
      {
        fromStatus: "operational",
        toStatus: "degraded_performance",
        cause: "manual",
        incidentId: null,
      },
    ]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.targetId, cdn.id));
    expect(audit).toMatchObject([
      {
        action: "component.status",
        actorLabel: editor.email,
        after: { status: "degraded_performance" },
      },
    ]);
  });

  it("writes no event when the status does not change", async () => {
    const editor = await createMember(db(), "editor");
    const cdn = await createTestComponent(db(), { status: "partial_outage" });
    expect(
      await setComponentStatus({
        ctx: editor,
        input: { componentId: cdn.id, status: "partial_outage" },
      }),
    ).toBeNull();
    expect(
      await db()
        .select()
        .from(componentStatusEvents)
        .where(eq(componentStatusEvents.componentId, cdn.id)),
    ).toEqual([]);
  });

  it("creates groups and components at the end of their list, and edits them", async () => {
    const editor = await createMember(db(), "editor");
    const group = await createComponentGroup({ ctx: editor, input: { name: "Edge" } });
    const first = await createComponent({
      ctx: editor,
      input: { name: "CDN", groupId: group.id, startDate: "2026-01-01" },
    });
    const second = await createComponent({
      ctx: editor,
      input: {
        name: "DNS",
        groupId: group.id,
        description: "Authoritative DNS",
        onlyShowIfDegraded: true,
      },
    });
    expect([first.position, second.position]).toEqual([0, 1]);
    expect(second).toMatchObject({
      status: "operational",
      description: "Authoritative DNS",
      onlyShowIfDegraded: true,
      visible: true,
    });
    const renamed = await updateComponent({
      ctx: editor,
      input: {
        id: first.id,
        name: "Global CDN",
        groupId: group.id,
        visible: false,
        expectedUpdatedAt: first.updatedAt.toISOString(),
      },
    });
    expect(renamed).toMatchObject({ name: "Global CDN", visible: false, startDate: null });
    await expect(
      updateComponent({
        ctx: editor,
        input: { id: first.id, name: "Stale", expectedUpdatedAt: first.updatedAt.toISOString() },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(
      (await updateComponentGroup({ ctx: editor, input: { id: group.id, name: "Edge network" } }))
        .name,
    ).toBe("Edge network");
  });

  it("names bad fields and writes nothing", async () => {
    const editor = await createMember(db(), "editor");
    const before = await writeCounts(db());
    const error = await createComponent({
      ctx: editor,
      input: { name: "", startDate: "31/01/2026", groupId: "missing" },
    }).catch((e) => e);
    expect(error.fields).toEqual({
      name: "Enter a name.",
      startDate: "Use a date like 2026-01-31.",
    });
    const missingGroup = await createComponent({
      ctx: editor,
      input: { name: "X", groupId: "missing" },
    }).catch((e) => e);
    expect(missingGroup.fields).toEqual({ groupId: "That group no longer exists." });
    expect(await writeCounts(db())).toEqual(before);
  });

  it("moves components within their group and groups among groups, in the order the page shows", async () => {
    const editor = await createMember(db(), "editor");
    const group = await createTestGroup(db(), { position: 100 });
    // Equal positions (as an import may leave them) fall back to name order.
    const a = await createTestComponent(db(), { name: "a", groupId: group.id, position: 0 });
    await createTestComponent(db(), { name: "b", groupId: group.id, position: 0 });
    const c = await createTestComponent(db(), { name: "c", groupId: group.id, position: 0 });
    const names = async () =>
      (await listComponentTree(db(), { publicOnly: false })).groups
        .find((g) => g.id === group.id)!
        .components.map((x) => x.name);
    expect(await names()).toEqual(["a", "b", "c"]);
    await moveComponent({ ctx: editor, input: { kind: "component", id: c.id, direction: "up" } });
    expect(await names()).toEqual(["a", "c", "b"]);
    expect(
      await moveComponent({ ctx: editor, input: { kind: "component", id: a.id, direction: "up" } }),
    ).toBe(false);
    await moveComponent({ ctx: editor, input: { kind: "component", id: a.id, direction: "down" } });
    expect(await names()).toEqual(["c", "a", "b"]);

    const other = await createTestGroup(db(), { position: 101 });
    await moveComponent({ ctx: editor, input: { kind: "group", id: other.id, direction: "up" } });
    const groups = (await listComponentTree(db(), { publicOnly: false })).groups.map((g) => g.id);
    expect(groups.indexOf(other.id)).toBeLessThan(groups.indexOf(group.id));
  });
});
