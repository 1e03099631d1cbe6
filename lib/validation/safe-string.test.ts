import { expect, it } from "vitest";
import type { Ctx } from "../context";
import { HeraldError } from "../errors";
import { createApiKey } from "../api-keys/create-api-key";
import { createComponent } from "../components/save-component";
import { declareIncident } from "../incidents/declare-incident";
import { saveIncidentTemplate } from "../incidents/templates";
import { scheduleMaintenance } from "../maintenance/schedule-maintenance";
import { addStakeholder } from "../stakeholders/stakeholders";
import { inviteMember } from "../team/invite-member";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createTestComponent, writeCounts } from "../testing/console-factories";
import { NUL_MESSAGE } from "./safe-string";

const HOUR = 3_600_000;
type Write = (args: { ctx: Ctx; input: unknown }) => Promise<unknown>;

/** Each write with an input it accepts, and the text fields a person types into. */
const WRITES: [string, Write, (componentId: string) => Record<string, unknown>, string[]][] = [
  [
    "declare an incident",
    declareIncident,
    () => ({
      title: "API errors",
      severity: "SEV2",
      body: "Looking.",
      eta: "1h",
      internalNote: "n",
    }),
    ["title", "body", "eta", "internalNote"],
  ],
  [
    "add a component",
    createComponent,
    () => ({ name: "API", description: "d" }),
    ["name", "description", "groupId"],
  ],
  [
    "schedule maintenance",
    scheduleMaintenance,
    (componentId) => ({
      title: "Upgrade",
      body: "Slow writes.",
      scheduledFor: new Date(Date.now() + HOUR).toISOString(),
      scheduledUntil: new Date(Date.now() + 2 * HOUR).toISOString(),
      components: [componentId],
    }),
    ["title", "body"],
  ],
  [
    "save a template",
    saveIncidentTemplate,
    () => ({ name: "DB", title: "Database slow", severity: "SEV3", body: "Looking." }),
    ["name", "title", "body"],
  ],
  ["create an API key", createApiKey, () => ({ name: "CI", scope: "read" }), ["name"]],
  [
    "invite a member",
    inviteMember,
    () => ({ email: "new@example.test", name: "New", role: "viewer" }),
    ["name"],
  ],
  [
    "add a stakeholder",
    addStakeholder,
    () => ({ name: "CEO", email: "ceo@example.test" }),
    ["name"],
  ],
];

/**
 * PostgreSQL text cannot hold U+0000: a NUL typed or pasted into any field used
 * to reach the INSERT and fail as a 500. It is a field error now, and nothing is written.
 */
describeEachEngine("NUL characters in text fields", ({ db }) => {
  it.each(WRITES)(
    "%s: a NUL in any text field is a field error; nothing is written",
    async (_, write, valid, fields) => {
      const ctx = await createMember(db(), "owner");
      const { id: componentId } = await createTestComponent(db());
      for (const field of fields) {
        const before = await writeCounts(db());
        const input = { ...valid(componentId), [field]: `before\u0000after` };
        const error = await write({ ctx, input }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, field).toBeInstanceOf(HeraldError);
        expect((error as HeraldError).code).toBe("invalid");
        expect((error as HeraldError).fields[field], field).toBe(NUL_MESSAGE);
        expect(await writeCounts(db())).toEqual(before);
      }
      await expect(write({ ctx, input: valid(componentId) })).resolves.toBeTruthy();
    },
  );
});
