import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import {
  createTestComponent,
  declareTestIncident,
  writeCounts,
} from "../testing/console-factories";
import {
  auditLog,
  components,
  componentStatusEvents,
  incidentComponents,
  incidentUpdateComponents,
  pageSettings,
} from "../db/schema";
import { getPageSettings } from "../settings/get-page-settings";
import { cadenceState } from "../cadence/cadence-state";

const MINUTE = 60_000;

describeEachEngine("declareIncident", ({ db }) => {
  it("opens a SEV1 with critical impact, a 30-minute cadence and the declaring editor as comms lead", async () => {
    const editor = await createMember(db(), "editor");
    const api = await createTestComponent(db(), { name: "API" });
    const { incident, update, changes } = await declareTestIncident(editor, {
      title: "Login failures",
      components: [{ componentId: api.id, status: "major_outage" }],
    });
    expect(incident).toMatchObject({
      title: "Login failures",
      impact: "critical",
      impactOverridden: false,
      cadenceMinutes: 30,
      commsLeadId: editor.actor.kind === "user" ? editor.actor.id : "",
      state: "investigating",
    });
    expect(update.nextUpdateBy!.getTime() - update.displayAt.getTime()).toBe(30 * MINUTE);
    expect(
      cadenceState(incident, [update], new Date(update.displayAt.getTime() + 26 * MINUTE)).kind,
    ).toBe("due_soon");
    expect(changes).toEqual([
      { componentId: api.id, name: "API", oldStatus: "operational", newStatus: "major_outage" },
    ]);

    const [component] = await db().select().from(components).where(eq(components.id, api.id));
    expect(component!.status).toBe("major_outage");
    const events = await db()
      .select()
      .from(componentStatusEvents)
      .where(eq(componentStatusEvents.componentId, api.id));
    expect(events).toMatchObject([
      {
        fromStatus: "operational",
        toStatus: "major_outage",
        cause: "incident",
        incidentId: incident.id,
      },
    ]);
    expect(
      await db()
        .select()
        .from(incidentUpdateComponents)
        .where(eq(incidentUpdateComponents.updateId, update.id)),
    ).toMatchObject([{ componentId: api.id, oldStatus: "operational", newStatus: "major_outage" }]);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "incident.declare"), eq(auditLog.targetId, incident.id)));
    expect(audit).toMatchObject({ actorLabel: editor.email, targetType: "incident" });
  });

  it("derives impact and cadence from severity, and lets both be overridden", async () => {
    const editor = await createMember(db(), "editor");
    const sev4 = await declareTestIncident(editor, { severity: "SEV4" });
    expect(sev4.incident).toMatchObject({ impact: "none", cadenceMinutes: null });
    expect(sev4.update.nextUpdateBy).toBeNull();
    const sev2 = await declareTestIncident(editor, {
      severity: "SEV2",
      impact: "critical",
      cadence: "15",
    });
    expect(sev2.incident).toMatchObject({
      impact: "critical",
      impactOverridden: true,
      cadenceMinutes: 15,
    });
    const quiet = await declareTestIncident(editor, { severity: "SEV1", cadence: "none" });
    expect(quiet.incident.cadenceMinutes).toBeNull();
  });

  it("follows the page's default cadence for the severity", async () => {
    await getPageSettings(db());
    await db().update(pageSettings).set({ cadenceSev3: 90 });
    const editor = await createMember(db(), "editor");
    const { incident } = await declareTestIncident(editor, { severity: "SEV3" });
    expect(incident.cadenceMinutes).toBe(90);
  });

  it("dates component outages from a backfilled start, and lists unchanged components as affected", async () => {
    const editor = await createMember(db(), "editor");
    const startedAt = new Date(Date.now() - 45 * MINUTE);
    const db1 = await createTestComponent(db());
    const already = await createTestComponent(db(), { status: "degraded_performance" });
    const { incident, update } = await declareTestIncident(editor, {
      startedAt: startedAt.toISOString(),
      components: [
        { componentId: db1.id, status: "partial_outage" },
        { componentId: already.id, status: "degraded_performance" },
      ],
    });
    expect(incident.startedAt).toEqual(startedAt);
    expect(update.displayAt.getTime()).toBeGreaterThan(startedAt.getTime());
    const [event] = await db()
      .select()
      .from(componentStatusEvents)
      .where(eq(componentStatusEvents.componentId, db1.id));
    expect(event!.at).toEqual(startedAt);
    expect(
      await db()
        .select()
        .from(componentStatusEvents)
        .where(eq(componentStatusEvents.componentId, already.id)),
    ).toEqual([]);
    const affected = await db()
      .select()
      .from(incidentComponents)
      .where(eq(incidentComponents.incidentId, incident.id));
    expect(affected.map((a) => a.status).sort()).toEqual([
      "degraded_performance",
      "partial_outage",
    ]);
  });

  it("names each bad field and writes nothing", async () => {
    const editor = await createMember(db(), "editor");
    const before = await writeCounts(db());
    const error = await declareTestIncident(editor, {
      title: " ",
      severity: "SEV9",
      body: "",
      cadence: "2",
      startedAt: new Date(Date.now() + 3_600_000).toISOString(),
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "invalid" });
    expect(error.fields).toEqual({
      title: "Enter a title customers will understand.",
      severity: "Pick a severity.",
      body: "Write the first public update.",
      cadence: "At least 5 minutes.",
      startedAt: "The start time cannot be in the future.",
    });
    expect(await writeCounts(db())).toEqual(before);
  });

  it("refuses an unknown component without writing the incident", async () => {
    const editor = await createMember(db(), "editor");
    const before = await writeCounts(db());
    await expect(
      declareTestIncident(editor, {
        components: [{ componentId: "nope", status: "major_outage" }],
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(await writeCounts(db())).toEqual(before);
  });
});
