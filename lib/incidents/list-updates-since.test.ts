import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { declareTestIncident } from "../testing/console-factories";
import { listUpdatesSince } from "./list-updates-since";
import { publishIncidentUpdate } from "./publish-incident-update";

describeEachEngine("listUpdatesSince", ({ db }) => {
  it("gives a stale composer what the other lead published since, oldest first, with its author", async () => {
    const leadA = await createMember(db(), "editor");
    const leadB = await createMember(db(), "viewer");
    const declared = await declareTestIncident(leadA);
    const seenByB = declared.update.id;
    for (const [state, body] of [
      ["identified", "Cause found."],
      ["monitoring", "Fix deployed."],
    ] as const) {
      await publishIncidentUpdate({
        ctx: leadA,
        input: { incidentId: declared.incident.id, state, body },
      });
    }
    const { incident, updates } = await listUpdatesSince({
      ctx: leadB,
      input: { incidentId: declared.incident.id, afterUpdateId: seenByB },
    });
    expect(incident.state).toBe("monitoring");
    expect(updates.map((u) => [u.state, u.body, u.author])).toEqual([
      ["identified", "Cause found.", leadA.email],
      ["monitoring", "Fix deployed.", leadA.email],
    ]);
    expect(updates.every((u) => u.nextUpdateBy instanceof Date)).toBe(true);
  });

  it("refuses anyone signed out and reports a missing incident", async () => {
    const editor = await createMember(db(), "editor");
    await expect(
      listUpdatesSince({
        ctx: { db: db(), actor: { kind: "anonymous" } },
        input: { incidentId: "x", afterUpdateId: "y" },
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/forbidden|unauthenticated/) });
    await expect(
      listUpdatesSince({ ctx: editor, input: { incidentId: "missing", afterUpdateId: "y" } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
