import { eq, like } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { declareTestIncident } from "../testing/console-factories";
import { auditLog, incidentChanges, notificationOutbox } from "../db/schema";
import { enqueueCadenceReminders } from "../worker/enqueue-reminders";
import { handOverIncident } from "./hand-over-incident";
import { publishIncidentUpdate } from "./publish-incident-update";

const MINUTE = 60_000;
const userId = (ctx: { actor: { kind: string; id?: string } }) => ctx.actor.id!;

describeEachEngine("handOverIncident", ({ db }) => {
  it("makes another editor the comms lead: on the timeline, audited, and reminded from the next promise", async () => {
    const leadA = await createMember(db(), "editor");
    const leadB = await createMember(db(), "editor");
    const declared = await declareTestIncident(leadA);
    const { incident } = await handOverIncident({
      ctx: leadA,
      input: { incidentId: declared.incident.id, commsLeadId: userId(leadB) },
    });
    expect(incident.commsLeadId).toBe(userId(leadB));
    const [change] = await db()
      .select()
      .from(incidentChanges)
      .where(eq(incidentChanges.incidentId, incident.id));
    expect(change).toMatchObject({
      kind: "handoff",
      actorLabel: leadA.email,
      changes: [{ field: "comms lead", from: leadA.email, to: leadB.email }],
    });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "incident.handoff"));
    expect(audit).toMatchObject({ targetId: incident.id, actorLabel: leadA.email });

    // B publishes the next update; its promise's reminders go to B alone.
    const { update } = await publishIncidentUpdate({
      ctx: leadB,
      input: { incidentId: incident.id, state: "identified", body: "B here." },
    });
    await enqueueCadenceReminders(db(), new Date(update.nextUpdateBy!.getTime() + MINUTE));
    const reminders = await db()
      .select()
      .from(notificationOutbox)
      .where(like(notificationOutbox.idempotencyKey, `cadence:${incident.id}:${update.id}:%`));
    expect(reminders.map((r) => [r.eventType, r.recipient])).toEqual([
      ["reminder.overdue", leadB.email],
    ]);
  });

  it("refuses a viewer as lead, the current lead again, and a viewer handing over", async () => {
    const lead = await createMember(db(), "editor");
    const viewer = await createMember(db(), "viewer");
    const declared = await declareTestIncident(lead);
    const input = (commsLeadId: string) => ({ incidentId: declared.incident.id, commsLeadId });
    await expect(
      handOverIncident({ ctx: lead, input: input(userId(viewer)) }),
    ).rejects.toMatchObject({
      fields: { commsLeadId: "The comms lead must be an editor or owner." },
    });
    await expect(handOverIncident({ ctx: lead, input: input(userId(lead)) })).rejects.toMatchObject(
      { fields: { commsLeadId: `${lead.email} is already the comms lead.` } },
    );
    await expect(
      handOverIncident({ ctx: viewer, input: input(userId(lead)) }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
