import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createTestComponent, declareTestIncident } from "../testing/console-factories";
import {
  createEmailSubscriber,
  createStakeholder,
  outboxRows,
} from "../notifications/test-helpers";
import { publishIncidentUpdate } from "./publish-incident-update";

/** Publishing queues its messages in the same transaction (SPEC §5); the worker sends them later. */
describeEachEngine("incident notifications", ({ db }) => {
  it("queues the public body for subscribers and the internal version for stakeholders, unless notify is off", async () => {
    const editor = await createMember(db(), "editor");
    const api = await createTestComponent(db());
    const subscriber = await createEmailSubscriber(db(), { componentIds: [api.id] });
    const exec = await createStakeholder(db());
    const { incident, update } = await declareTestIncident(editor, {
      components: [{ componentId: api.id, status: "major_outage" }],
    });
    const forUpdate = async (id: string) =>
      (await outboxRows(db())).filter((r) => r.subjectId === id);

    expect((await forUpdate(update.id)).map((r) => [r.recipient, r.audience, r.eventType])).toEqual(
      expect.arrayContaining([
        [subscriber.email, "public", "incident.created"],
        [exec.email, "internal", "incident.created"],
      ]),
    );
    const quiet = await publishIncidentUpdate({
      ctx: editor,
      input: { incidentId: incident.id, state: "identified", body: "Typo fix.", notify: false },
    });
    expect(await forUpdate(quiet.update.id)).toEqual([]);
  });

  it("queues nothing for a publish that is rejected as stale", async () => {
    const editor = await createMember(db(), "editor");
    await createEmailSubscriber(db());
    const { incident, update } = await declareTestIncident(editor);
    await publishIncidentUpdate({
      ctx: editor,
      input: {
        incidentId: incident.id,
        expectedLatestUpdateId: update.id,
        state: "identified",
        body: "First.",
      },
    });
    const before = (await outboxRows(db())).length;
    await expect(
      publishIncidentUpdate({
        ctx: editor,
        input: {
          incidentId: incident.id,
          expectedLatestUpdateId: update.id,
          state: "identified",
          body: "Stale.",
        },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await outboxRows(db())).toHaveLength(before);
  });
});
