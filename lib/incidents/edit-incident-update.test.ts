import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { declareTestIncident } from "../testing/console-factories";
import { incidentUpdateRevisions } from "../db/schema";
import { editIncidentUpdate } from "./edit-incident-update";
import { getIncident } from "./get-incident";

describeEachEngine("editIncidentUpdate", ({ db }) => {
  it("corrects the text, marks it edited and keeps the previous wording", async () => {
    const editor = await createMember(db(), "editor");
    const { incident, update } = await declareTestIncident(editor, { body: "Loggin is broken." });
    const edited = await editIncidentUpdate({
      ctx: editor,
      input: {
        updateId: update.id,
        body: "Login is broken.",
        expectedUpdatedAt: update.updatedAt.toISOString(),
      },
    });
    expect(edited.body).toBe("Login is broken.");
    expect(edited.editedAt).toBeInstanceOf(Date);
    const { updates } = await getIncident({ ctx: editor, input: { incidentId: incident.id } });
    expect(updates[0]!.revisions.map((r) => r.body)).toEqual(["Loggin is broken."]);
  });

  it("rejects an edit made from an outdated copy", async () => {
    const editor = await createMember(db(), "editor");
    const { update } = await declareTestIncident(editor);
    const seen = update.updatedAt.toISOString();
    await editIncidentUpdate({
      ctx: editor,
      input: { updateId: update.id, body: "First fix.", expectedUpdatedAt: seen },
    });
    await expect(
      editIncidentUpdate({
        ctx: editor,
        input: { updateId: update.id, body: "Second fix.", expectedUpdatedAt: seen },
      }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    const revisions = await db()
      .select()
      .from(incidentUpdateRevisions)
      .where(eq(incidentUpdateRevisions.updateId, update.id));
    expect(revisions).toHaveLength(1);
  });

  it("refuses an empty body and keeps the original", async () => {
    const editor = await createMember(db(), "editor");
    const { incident, update } = await declareTestIncident(editor, { body: "Original." });
    await expect(
      editIncidentUpdate({ ctx: editor, input: { updateId: update.id, body: " " } }),
    ).rejects.toMatchObject({ fields: { body: "The update cannot be empty." } });
    const { updates } = await getIncident({ ctx: editor, input: { incidentId: incident.id } });
    expect(updates[0]!.body).toBe("Original.");
  });
});
