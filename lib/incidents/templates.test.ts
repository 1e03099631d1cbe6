import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, incidentTemplates } from "../db/schema";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createTestComponent, expectRefusedWithoutChanges } from "../testing/console-factories";
import { newId } from "../ids";
import { deleteIncidentTemplate, listIncidentTemplates, saveIncidentTemplate } from "./templates";

const templateInput = (extra: Record<string, unknown> = {}) => ({
  name: `Payments down ${newId()}`,
  title: "Payments are failing",
  severity: "SEV2",
  body: "**Impact:** Card payments fail.\n\n**Workaround:**",
  ...extra,
});

describeEachEngine("incident templates", ({ db }) => {
  it("lists saved templates by name for a viewer, with their components", async () => {
    const editor = await createMember(db(), "editor");
    const viewer = await createMember(db(), "viewer");
    const billing = await createTestComponent(db());
    const saved = await saveIncidentTemplate({
      ctx: editor,
      input: templateInput({ name: "zz last", componentIds: [billing.id, billing.id] }),
    });
    await saveIncidentTemplate({ ctx: editor, input: templateInput({ name: "aa first" }) });

    const list = await listIncidentTemplates({ ctx: viewer });
    const names = list.map((t) => t.name);
    expect(names.indexOf("aa first")).toBeLessThan(names.indexOf("zz last"));
    // Empty sections are kept: they are the structure the comms lead fills in.
    expect(list.find((t) => t.id === saved.id)).toMatchObject({
      title: "Payments are failing",
      severity: "SEV2",
      componentIds: [billing.id],
      body: "**Impact:** Card payments fail.\n\n**Workaround:**",
    });
  });

  it("updates a template by id and deletes it, auditing each change", async () => {
    const editor = await createMember(db(), "editor");
    const saved = await saveIncidentTemplate({ ctx: editor, input: templateInput() });
    const updated = await saveIncidentTemplate({
      ctx: editor,
      input: templateInput({
        id: saved.id,
        name: saved.name,
        title: "Payments are slow",
        severity: "SEV3",
      }),
    });
    expect(updated).toMatchObject({ id: saved.id, title: "Payments are slow", severity: "SEV3" });

    await deleteIncidentTemplate({ ctx: editor, input: { id: saved.id } });
    expect(
      await db().select().from(incidentTemplates).where(eq(incidentTemplates.id, saved.id)),
    ).toHaveLength(0);
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, saved.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "incident_template.create",
      "incident_template.delete",
      "incident_template.update",
    ]);
  });

  it("refuses a viewer saving, updating or deleting, and changes nothing", async () => {
    const editor = await createMember(db(), "editor");
    const viewer = await createMember(db(), "viewer");
    const saved = await saveIncidentTemplate({ ctx: editor, input: templateInput() });
    await expectRefusedWithoutChanges(
      db(),
      saveIncidentTemplate,
      viewer,
      templateInput(),
      "forbidden",
    );
    await expectRefusedWithoutChanges(
      db(),
      saveIncidentTemplate,
      viewer,
      templateInput({ id: saved.id, title: "Forged" }),
      "forbidden",
    );
    await expectRefusedWithoutChanges(
      db(),
      deleteIncidentTemplate,
      viewer,
      { id: saved.id },
      "forbidden",
    );
    const [still] = await db()
      .select()
      .from(incidentTemplates)
      .where(eq(incidentTemplates.id, saved.id));
    expect(still).toMatchObject({ title: "Payments are failing" });
  });

  it("names the fields that are wrong", async () => {
    const editor = await createMember(db(), "editor");
    await expect(
      saveIncidentTemplate({
        ctx: editor,
        input: { name: " ", title: "", severity: "SEV9", body: "  " },
      }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: {
        name: "Name the template.",
        title: "Enter the incident title the template starts with.",
        severity: "Pick a severity.",
        body: "Write the first public update.",
      },
    });
    await expect(
      saveIncidentTemplate({ ctx: editor, input: templateInput({ componentIds: [newId()] }) }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: { componentIds: "Pick components that exist." },
    });
    const first = await saveIncidentTemplate({ ctx: editor, input: templateInput() });
    await expect(
      saveIncidentTemplate({ ctx: editor, input: templateInput({ name: first.name }) }),
    ).rejects.toMatchObject({
      code: "conflict",
      fields: { name: "A template with that name exists." },
    });
    await expect(
      deleteIncidentTemplate({ ctx: editor, input: { id: newId() } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
