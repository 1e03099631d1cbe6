import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createTestComponent, declareTestIncident } from "../testing/console-factories";
import { components, componentStatusEvents } from "../db/schema";
import { cadenceState } from "../cadence/cadence-state";
import { resolveIncident } from "./resolve-incident";
import { reopenIncident } from "./reopen-incident";
import { getIncident } from "./get-incident";

describeEachEngine("resolveIncident and reopenIncident", ({ db }) => {
  async function resolvedIncident() {
    const editor = await createMember(db(), "editor");
    const [api, web] = [await createTestComponent(db()), await createTestComponent(db())];
    const declared = await declareTestIncident(editor, {
      components: [
        { componentId: api.id, status: "major_outage" },
        { componentId: web.id, status: "degraded_performance" },
      ],
    });
    const resolved = await resolveIncident({
      ctx: editor,
      input: {
        incidentId: declared.incident.id,
        expectedLatestUpdateId: declared.update.id,
        body: "All fixed.",
        rcaDueOn: "2030-01-15",
      },
    });
    return { editor, api, web, declared, resolved };
  }

  it("restores every affected component to operational, stops the cadence and records the RCA promise", async () => {
    const { api, web, resolved } = await resolvedIncident();
    expect(resolved.incident).toMatchObject({ state: "resolved", rcaDueOn: "2030-01-15" });
    expect(resolved.incident.resolvedAt).toEqual(resolved.update.displayAt);
    expect(resolved.update.nextUpdateBy).toBeNull();
    expect(cadenceState(resolved.incident, [resolved.update], new Date()).kind).toBe("none");
    for (const component of [api, web]) {
      const [row] = await db().select().from(components).where(eq(components.id, component.id));
      expect(row!.status).toBe("operational");
      const [restore] = await db()
        .select()
        .from(componentStatusEvents)
        .where(
          and(
            eq(componentStatusEvents.componentId, component.id),
            eq(componentStatusEvents.toStatus, "operational"),
          ),
        );
      expect(restore).toMatchObject({ cause: "incident", incidentId: resolved.incident.id });
    }
    expect(resolved.changes.map((c) => c.newStatus)).toEqual(["operational", "operational"]);
  });

  it("keeps the worst status each component reached during the incident", async () => {
    const { editor, api, declared } = await resolvedIncident();
    const { affected } = await getIncident({
      ctx: editor,
      input: { incidentId: declared.incident.id },
    });
    expect(affected.find((a) => a.componentId === api.id)).toMatchObject({
      currentStatus: "operational",
      worstStatus: "major_outage",
    });
  });

  it("refuses a further update to a resolved incident until it is reopened", async () => {
    const { editor, declared, resolved } = await resolvedIncident();
    await expect(
      resolveIncident({
        ctx: editor,
        input: {
          incidentId: declared.incident.id,
          expectedLatestUpdateId: resolved.update.id,
          body: "Again.",
        },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("reopens with a recorded update, clears the resolution and restarts the cadence", async () => {
    const { editor, api, declared, resolved } = await resolvedIncident();
    const reopened = await reopenIncident({
      ctx: editor,
      input: {
        incidentId: declared.incident.id,
        expectedLatestUpdateId: resolved.update.id,
        body: "Errors are back.",
        components: [{ componentId: api.id, status: "partial_outage" }],
      },
    });
    expect(reopened.incident).toMatchObject({ state: "investigating", resolvedAt: null });
    expect(reopened.update).toMatchObject({ reopened: true, state: "investigating" });
    expect(reopened.update.nextUpdateBy).not.toBeNull();
    const [row] = await db().select().from(components).where(eq(components.id, api.id));
    expect(row!.status).toBe("partial_outage");
  });

  it("does not reopen an incident that is still open", async () => {
    const editor = await createMember(db(), "editor");
    const declared = await declareTestIncident(editor);
    await expect(
      reopenIncident({ ctx: editor, input: { incidentId: declared.incident.id, body: "?" } }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("asks for a reason when reopening", async () => {
    const editor = await createMember(db(), "editor");
    const error = await reopenIncident({ ctx: editor, input: { incidentId: "x", body: "" } }).catch(
      (e) => e,
    );
    expect(error.fields).toEqual({ body: "Tell customers why the incident is open again." });
  });
});
