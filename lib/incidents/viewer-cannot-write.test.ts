import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import {
  createTestComponent,
  declareTestIncident,
  expectRefusedWithoutChanges,
} from "../testing/console-factories";
import { anonymousActor } from "../context";
import { declareIncident } from "./declare-incident";
import { publishIncidentUpdate } from "./publish-incident-update";
import { resolveIncident } from "./resolve-incident";
import { reopenIncident } from "./reopen-incident";
import { editIncidentUpdate } from "./edit-incident-update";

describeEachEngine("incident writes need an editor", ({ db }) => {
  /** Valid input for each write, so the only reason to refuse is the role. */
  async function cases() {
    const editor = await createMember(db(), "editor");
    const api = await createTestComponent(db());
    const open = await declareTestIncident(editor);
    const closed = await declareTestIncident(editor);
    await resolveIncident({
      ctx: editor,
      input: { incidentId: closed.incident.id, body: "Fixed." },
    });
    const change = [{ componentId: api.id, status: "major_outage" }];
    return [
      [
        "declareIncident",
        declareIncident,
        { title: "Forged", severity: "SEV1", body: "Forged.", components: change },
      ],
      [
        "publishIncidentUpdate",
        publishIncidentUpdate,
        { incidentId: open.incident.id, state: "identified", body: "Forged.", components: change },
      ],
      ["resolveIncident", resolveIncident, { incidentId: open.incident.id, body: "Forged." }],
      [
        "reopenIncident",
        reopenIncident,
        { incidentId: closed.incident.id, body: "Forged.", components: change },
      ],
      ["editIncidentUpdate", editIncidentUpdate, { updateId: open.update.id, body: "Forged." }],
    ] as const;
  }

  it("refuses a viewer every incident write and changes nothing", async () => {
    const viewer = await createMember(db(), "viewer");
    const all = await cases();
    for (const [, write, input] of all)
      await expectRefusedWithoutChanges(db(), write, viewer, input, "forbidden");
    expect(all).toHaveLength(5);
  });

  it("asks an anonymous caller to sign in", async () => {
    for (const [, write, input] of await cases()) {
      await expectRefusedWithoutChanges(
        db(),
        write,
        { db: db(), actor: anonymousActor },
        input,
        "unauthenticated",
      );
    }
  });
});
