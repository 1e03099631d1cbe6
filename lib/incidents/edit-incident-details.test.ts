import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import {
  createTestComponent,
  declareTestIncident,
  writeCounts,
} from "../testing/console-factories";
import { auditLog, components, incidentComponents, incidentChanges } from "../db/schema";
import { editIncidentDetails } from "./edit-incident-details";
import { resolveIncident } from "./resolve-incident";
import { loadIncidentPage } from "../public/public-pages";

describeEachEngine("editIncidentDetails", ({ db }) => {
  it("corrects title, severity, cadence and a wrongly named component, audited and on the timeline", async () => {
    const editor = await createMember(db(), "editor");
    const restApi = await createTestComponent(db(), { name: "REST API" });
    const billing = await createTestComponent(db(), { name: "Billing" });
    const declared = await declareTestIncident(editor, {
      title: "API errors",
      components: [{ componentId: restApi.id, status: "major_outage" }],
    });
    const { incident, changes } = await editIncidentDetails({
      ctx: editor,
      input: {
        incidentId: declared.incident.id,
        title: "Card payments failing",
        severity: "SEV2",
        impact: "",
        cadence: "15",
        components: [
          { componentId: restApi.id, status: "" },
          { componentId: billing.id, status: "partial_outage" },
        ],
      },
    });
    expect(incident).toMatchObject({
      title: "Card payments failing",
      severity: "SEV2",
      impact: "major",
      impactOverridden: false,
      cadenceMinutes: 15,
    });
    expect(changes).toEqual([
      { field: "title", from: "API errors", to: "Card payments failing" },
      { field: "severity", from: "SEV1", to: "SEV2" },
      { field: "impact", from: "critical", to: "major" },
      { field: "cadence", from: "30 min", to: "15 min" },
      { field: "component", from: "REST API: affected", to: "REST API: not affected" },
      { field: "component", from: null, to: "Billing: Partial outage" },
    ]);
    const statuses = await db().select().from(components);
    expect(statuses.find((c) => c.id === restApi.id)!.status).toBe("operational");
    expect(statuses.find((c) => c.id === billing.id)!.status).toBe("partial_outage");
    const affected = await db()
      .select()
      .from(incidentComponents)
      .where(eq(incidentComponents.incidentId, incident.id));
    expect(affected.map((a) => [a.componentId, a.status])).toEqual([
      [billing.id, "partial_outage"],
    ]);
    const [row] = await db()
      .select()
      .from(incidentChanges)
      .where(eq(incidentChanges.incidentId, incident.id));
    expect(row).toMatchObject({ kind: "details", actorLabel: editor.email });
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, "incident.edit"));
    expect(audits.find((a) => a.targetId === incident.id)?.before).toMatchObject({
      title: "API errors",
    });
    // The public page keeps the old title in the incident's history.
    const page = await loadIncidentPage(async () => db(), incident.id);
    expect(page.value?.title).toBe("Card payments failing");
    expect(page.value?.formerTitles.map((t) => t.title)).toEqual(["API errors"]);
  });

  it("refuses a viewer, an empty title, no change at all and a resolved incident, writing nothing", async () => {
    const editor = await createMember(db(), "editor");
    const viewer = await createMember(db(), "viewer");
    const declared = await declareTestIncident(editor, { title: "Same" });
    const same = {
      incidentId: declared.incident.id,
      title: "Same",
      severity: "SEV1",
      impact: "",
      cadence: "default",
    };
    const before = await writeCounts(db());
    await expect(editIncidentDetails({ ctx: viewer, input: same })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      editIncidentDetails({ ctx: editor, input: { ...same, title: "  " } }),
    ).rejects.toMatchObject({ fields: { title: "Enter a title customers will understand." } });
    await expect(editIncidentDetails({ ctx: editor, input: same })).rejects.toMatchObject({
      message: "Nothing was changed.",
    });
    expect(await writeCounts(db())).toEqual(before);
    await resolveIncident({
      ctx: editor,
      input: { incidentId: declared.incident.id, body: "Resolved." },
    });
    await expect(
      editIncidentDetails({ ctx: editor, input: { ...same, title: "Other" } }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
