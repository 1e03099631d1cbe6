import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { maintenanceComponents, maintenances, maintenanceUpdates, postmortems } from "../db/schema";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import {
  createComponent,
  createEmailSubscriber,
  createIncident,
  recordingTransport,
} from "./test-helpers";
import { enqueueMaintenanceNotifications } from "./enqueue-maintenance";
import { enqueuePostmortemNotifications } from "./enqueue-postmortem";

const HOUR = 3_600_000;

describeEachEngine("maintenance and postmortem notifications", ({ db }) => {
  async function deliverAll() {
    const transport = recordingTransport();
    while (
      (await deliverOutboxBatch({ db: db(), transport, baseUrl: "http://status.test" })).claimed > 0
    );
    return transport.sent;
  }

  it("scheduled, then started: followers of an affected component get each notice once", async () => {
    const db1 = await createComponent(db(), "Database");
    const follower = await createEmailSubscriber(db(), { componentIds: [db1.id] });
    const other = await createEmailSubscriber(db(), {
      componentIds: [(await createComponent(db(), "CDN")).id],
    });
    const [m] = await db()
      .insert(maintenances)
      .values({
        title: "Database upgrade",
        body: "Writes pause briefly.",
        scheduledFor: new Date(Date.now() + HOUR),
        scheduledUntil: new Date(Date.now() + 2 * HOUR),
      })
      .returning();
    await db().insert(maintenanceComponents).values({ maintenanceId: m!.id, componentId: db1.id });
    await db().transaction((tx) =>
      enqueueMaintenanceNotifications(tx, { maintenanceId: m!.id, state: "scheduled" }),
    );
    const [started] = await db()
      .insert(maintenanceUpdates)
      .values({ maintenanceId: m!.id, state: "in_progress", body: "Upgrade under way." })
      .returning();
    await db().transaction((tx) =>
      enqueueMaintenanceNotifications(tx, {
        maintenanceId: m!.id,
        state: "in_progress",
        updateId: started!.id,
      }),
    );
    await db().transaction((tx) =>
      enqueueMaintenanceNotifications(tx, {
        maintenanceId: m!.id,
        state: "in_progress",
        updateId: started!.id,
      }),
    );

    const sent = (await deliverAll()).filter(
      (s) => s.to === follower.email || s.to === other.email,
    );
    expect(sent.map((s) => `${s.to}: ${s.subject}`).sort()).toEqual(
      [
        `${follower.email}: [Status] Maintenance started: Database upgrade`,
        `${follower.email}: [Status] Scheduled maintenance: Database upgrade`,
      ].sort(),
    );
    expect(sent.find((s) => /started/.test(s.subject))!.text).toContain("Upgrade under way.");
    expect(sent.find((s) => /Scheduled/.test(s.subject))!.text).toMatch(/Window:? .* – /);
  });

  it("a published postmortem reaches the incident's followers with a link to read it", async () => {
    const api = await createComponent(db(), "API");
    const follower = await createEmailSubscriber(db(), { componentIds: [api.id] });
    const { incident } = await createIncident(db(), {
      title: "API errors",
      affected: { [api.id]: "major_outage" },
      update: { state: "resolved" },
    });
    const sections = {
      summary: "A bad config dropped 30% of requests.",
      impact: "",
      timeline: "",
      rootCause: "",
      resolution: "",
      wentWell: "",
      wentBadly: "",
    };
    const [pm] = await db()
      .insert(postmortems)
      .values({
        incidentId: incident.id,
        state: "published",
        sections,
        publishedRevision: 1,
        firstPublishedAt: new Date(),
      })
      .returning();
    await db().transaction((tx) =>
      enqueuePostmortemNotifications(tx, { postmortemId: pm!.id, revision: 1 }),
    );
    const mail = (await deliverAll()).find((s) => s.to === follower.email)!;
    expect(mail.subject).toBe("[Status] Postmortem: API errors");
    expect(mail.text).toContain("A bad config dropped 30% of requests.");
    expect(mail.html).toContain(`http://status.test/incidents/${incident.id}/postmortem`);
  });
});
