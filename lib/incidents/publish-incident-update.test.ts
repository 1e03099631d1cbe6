import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import {
  createTestComponent,
  declareTestIncident,
  writeCounts,
} from "../testing/console-factories";
import { components, componentStatusEvents, incidentUpdates } from "../db/schema";
import { publishIncidentUpdate } from "./publish-incident-update";

const MINUTE = 60_000;

describeEachEngine("publishIncidentUpdate", ({ db }) => {
  it("jumps straight to monitoring, records the component change and promises the next update one cadence later", async () => {
    const editor = await createMember(db(), "editor");
    const api = await createTestComponent(db());
    const declared = await declareTestIncident(editor, {
      components: [{ componentId: api.id, status: "major_outage" }],
    });
    const { incident, update, changes } = await publishIncidentUpdate({
      ctx: editor,
      input: {
        incidentId: declared.incident.id,
        expectedLatestUpdateId: declared.update.id,
        state: "monitoring",
        body: "**Current status:** A fix is rolling out.",
        internalNote: "Rollback of release 4.2",
        eta: "15:00 UTC",
        notify: false,
        components: [{ componentId: api.id, status: "degraded_performance" }],
      },
    });
    // A jump passes the skipped milestone too: the cause was identified by the time of the fix.
    expect(incident).toMatchObject({
      state: "monitoring",
      identifiedAt: update.displayAt,
      monitoringAt: update.displayAt,
      resolvedAt: null,
    });
    expect(update).toMatchObject({
      notify: false,
      internalNote: "Rollback of release 4.2",
      eta: "15:00 UTC",
      businessImpact: null,
    });
    expect(update.nextUpdateBy!.getTime() - update.displayAt.getTime()).toBe(30 * MINUTE);
    expect(changes).toMatchObject([
      { oldStatus: "major_outage", newStatus: "degraded_performance" },
    ]);
    const events = await db()
      .select()
      .from(componentStatusEvents)
      .where(eq(componentStatusEvents.componentId, api.id));
    expect(events.map((e) => `${e.fromStatus}→${e.toStatus}:${e.cause}`)).toEqual([
      "operational→major_outage:incident",
      "major_outage→degraded_performance:incident",
    ]);
  });

  it("backdates an update's display time and counts the cadence from it", async () => {
    const editor = await createMember(db(), "editor");
    const declared = await declareTestIncident(editor, {
      startedAt: new Date(Date.now() - 20 * MINUTE).toISOString(),
    });
    const displayAt = new Date(Date.now() - 10 * MINUTE);
    const { update } = await publishIncidentUpdate({
      ctx: editor,
      input: {
        incidentId: declared.incident.id,
        state: "identified",
        body: "Found it.",
        displayAt: displayAt.toISOString(),
      },
    });
    expect(update.displayAt).toEqual(displayAt);
    expect(update.nextUpdateBy).toEqual(new Date(displayAt.getTime() + 30 * MINUTE));
  });

  it("refuses to move the state backwards, naming the state field", async () => {
    const editor = await createMember(db(), "editor");
    const declared = await declareTestIncident(editor, { state: "identified" });
    const error = await publishIncidentUpdate({
      ctx: editor,
      input: { incidentId: declared.incident.id, state: "investigating", body: "Hm." },
    }).catch((e) => e);
    expect(error).toMatchObject({
      code: "invalid",
      fields: { state: "The incident is already identified." },
    });
  });

  it("rejects a form that did not see the latest update, and writes nothing", async () => {
    const editor = await createMember(db(), "editor");
    const colleague = await createMember(db(), "editor");
    const api = await createTestComponent(db());
    const declared = await declareTestIncident(editor);
    const seen = declared.update.id;
    await publishIncidentUpdate({
      ctx: colleague,
      input: {
        incidentId: declared.incident.id,
        expectedLatestUpdateId: seen,
        state: "identified",
        body: "Colleague's news.",
      },
    });
    const before = await writeCounts(db());
    const error = await publishIncidentUpdate({
      ctx: editor,
      input: {
        incidentId: declared.incident.id,
        expectedLatestUpdateId: seen,
        state: "identified",
        body: "My stale news.",
        components: [{ componentId: api.id, status: "major_outage" }],
      },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "conflict" });
    expect(error.message).toMatch(/Another update was published while you were writing/);
    expect(await writeCounts(db())).toEqual(before);
    const [component] = await db().select().from(components).where(eq(components.id, api.id));
    expect(component!.status).toBe("operational");
    const bodies = (
      await db()
        .select()
        .from(incidentUpdates)
        .where(eq(incidentUpdates.incidentId, declared.incident.id))
    ).map((u) => u.body);
    expect(bodies).not.toContain("My stale news.");
  });

  it("names a missing body and an unknown state", async () => {
    const editor = await createMember(db(), "editor");
    const declared = await declareTestIncident(editor);
    const error = await publishIncidentUpdate({
      ctx: editor,
      input: { incidentId: declared.incident.id, state: "fixed", body: "   " },
    }).catch((e) => e);
    expect(error.fields).toEqual({ state: "Pick a state.", body: "Write the public update." });
  });

  it("treats an untouched template (labels only) as an empty update, and drops empty sections otherwise", async () => {
    const editor = await createMember(db(), "editor");
    const declared = await declareTestIncident(editor);
    const input = { incidentId: declared.incident.id, state: "investigating" };
    const error = await publishIncidentUpdate({
      ctx: editor,
      input: { ...input, body: "**Impact:**\n\n**Workaround:**" },
    }).catch((e) => e);
    expect(error.fields).toEqual({ body: "Write the public update." });
    const { update } = await publishIncidentUpdate({
      ctx: editor,
      input: { ...input, body: "**Current status:** Still on it.\n\n**Workaround:**" },
    });
    expect(update.body).toBe("**Current status:** Still on it.");
  });

  it("reports a missing incident as not found", async () => {
    const editor = await createMember(db(), "editor");
    await expect(
      publishIncidentUpdate({
        ctx: editor,
        input: { incidentId: "missing", state: "identified", body: "x" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
