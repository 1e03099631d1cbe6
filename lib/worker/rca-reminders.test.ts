import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import type { Db } from "../db/client";
import { incidents, notificationOutbox, postmortems } from "../db/schema";
import { createIncident, recordingTransport } from "../notifications/test-helpers";
import { addDays } from "../time/days";
import { deliverOutboxBatch } from "./deliver-outbox";
import { runTick } from "./run-tick";

const DAY = 86_400_000;
const sections = {
  summary: "",
  impact: "",
  timeline: "",
  rootCause: "",
  resolution: "",
  wentWell: "",
  wentBadly: "",
};
// Mid-morning in the page's default time zone (UTC), so "+n days" lands well inside day n.
const start = new Date("2026-06-01T10:00:00Z");
const at = (days: number) => new Date(start.getTime() + days * DAY);

/** A resolved incident that promised its RCA for three days after `start`. */
async function resolvedWithRcaPromise(db: Db, commsLeadId: string | null) {
  const { incident } = await createIncident(db, {
    commsLeadId,
    cadenceMinutes: null,
    update: { state: "resolved", displayAt: start },
  });
  const rcaDueOn = addDays("2026-06-01", 3);
  await db
    .update(incidents)
    .set({ resolvedAt: start, rcaDueOn })
    .where(eq(incidents.id, incident.id));
  return { incident, rcaDueOn };
}

async function deliverAll(db: Db) {
  const transport = recordingTransport();
  while ((await deliverOutboxBatch({ db, transport, baseUrl: "http://status.test" })).claimed > 0);
  return transport.sent;
}

describeEachEngine("RCA reminders", ({ db }) => {
  const rowsFor = async (incidentId: string) =>
    (
      await db()
        .select()
        .from(notificationOutbox)
        .where(eq(notificationOutbox.subjectId, incidentId))
    )
      .map((r) => `${r.eventType}→${r.recipient}`)
      .sort();

  it("reminds the comms lead two days before the promised date and once it has passed, each once", async () => {
    const lead = await createMember(db(), "editor");
    const otherEditor = await createMember(db(), "editor");
    const { incident, rcaDueOn } = await resolvedWithRcaPromise(
      db(),
      lead.actor.kind === "user" ? lead.actor.id : null,
    );

    await runTick(db(), at(0));
    expect(await rowsFor(incident.id)).toEqual([]);
    await runTick(db(), at(1)); // two days before June 4
    await runTick(db(), at(1.4));
    await runTick(db(), at(3)); // the due day itself: still "due soon", already sent
    expect(await rowsFor(incident.id)).toEqual([`rca_reminder.due_soon→${lead.email}`]);
    await runTick(db(), at(4)); // the day after: overdue
    await runTick(db(), at(9));
    expect(await rowsFor(incident.id)).toEqual(
      [`rca_reminder.due_soon→${lead.email}`, `rca_reminder.overdue→${lead.email}`].sort(),
    );
    expect((await rowsFor(incident.id)).some((r) => r.endsWith(otherEditor.email))).toBe(false);

    // The emails name the promised date and link to the postmortem workspace.
    const sent = (await deliverAll(db())).filter((m) =>
      m.idempotencyKey!.startsWith(`rca-reminder:${incident.id}:`),
    );
    expect(sent.map((m) => m.subject).sort()).toEqual([
      `RCA due Jun 4, 2026: ${incident.title}`,
      `RCA overdue: ${incident.title}`,
    ]);
    expect(sent.find((m) => m.subject.startsWith("RCA overdue"))!.text).toContain(
      `promised a postmortem for this incident by Jun 4, 2026`,
    );
    expect(sent[0]!.html).toContain(`http://status.test/admin/postmortems/${incident.id}`);
    expect(rcaDueOn).toBe("2026-06-04");
  });

  it("without a comms lead tells every editor and owner, and stops once the RCA is published", async () => {
    const owner = await createMember(db(), "owner");
    const editor = await createMember(db(), "editor");
    const viewer = await createMember(db(), "viewer");
    const { incident } = await resolvedWithRcaPromise(db(), null);

    await runTick(db(), at(2));
    const queued = await rowsFor(incident.id);
    expect(queued).toEqual(
      expect.arrayContaining([
        `rca_reminder.due_soon→${owner.email}`,
        `rca_reminder.due_soon→${editor.email}`,
      ]),
    );
    expect(queued.some((r) => r.endsWith(viewer.email))).toBe(false);

    // Published before the worker delivered: the queued reminders are skipped, and no overdue one follows.
    await db()
      .insert(postmortems)
      .values({ incidentId: incident.id, sections, state: "published", publishedRevision: 1 });
    const sent = await deliverAll(db());
    expect(
      sent.filter((m) => m.idempotencyKey!.startsWith(`rca-reminder:${incident.id}:`)),
    ).toEqual([]);
    await runTick(db(), at(5));
    expect(await rowsFor(incident.id)).toEqual(queued);
    const states = (
      await db()
        .select()
        .from(notificationOutbox)
        .where(eq(notificationOutbox.subjectId, incident.id))
    ).map((r) => r.state);
    expect(new Set(states)).toEqual(new Set(["skipped"]));
  });
});
