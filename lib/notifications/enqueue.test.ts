import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { newId } from "../ids";
import { sql } from "drizzle-orm";
import { notificationFanOuts, subscribers } from "../db/schema";
import {
  addUpdate,
  createComponent,
  createEmailSubscriber,
  createIncident,
  createStakeholder,
  createWebhookSubscriber,
  outboxRows,
} from "./test-helpers";
import { enqueueIncidentUpdateNotifications } from "./enqueue-incident-update";

describeEachEngine("enqueueIncidentUpdateNotifications", ({ db }) => {
  it("costs the publish one row however large the audience: the worker expands it", async () => {
    const component = await createComponent(db(), "Fan-out");
    for (let i = 0; i < 30; i++)
      await createEmailSubscriber(db(), { componentIds: [component.id] });
    const { incident, update } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
    });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    const queued = await db()
      .select()
      .from(notificationFanOuts)
      .where(sql`${notificationFanOuts.spec}->>'subjectId' = ${update.id}`);
    expect(queued.map((f) => f.spec.audience.kind).sort()).toEqual(["stakeholders", "subscribers"]);
    expect(
      (await outboxRows(db())).filter((r) => r.subjectId === update.id).length,
    ).toBeGreaterThanOrEqual(30);
  });

  it("writes one row per subscriber following an affected component, per webhook, and per stakeholder", async () => {
    await db().delete(subscribers);
    const [api, dash, billing] = [
      await createComponent(db(), "API"),
      await createComponent(db(), "Dashboard"),
      await createComponent(db(), "Billing"),
    ];
    const everything = await createEmailSubscriber(db());
    const apiOnly = await createEmailSubscriber(db(), { componentIds: [api.id] });
    const billingOnly = await createEmailSubscriber(db(), { componentIds: [billing.id] });
    await createEmailSubscriber(db(), { state: "pending" });
    await createEmailSubscriber(db(), { state: "unsubscribed" });
    const hook = await createWebhookSubscriber(db(), "http://127.0.0.1:9/hook", {
      componentIds: [dash.id],
    });
    const exec = await createStakeholder(db());

    const { incident, update } = await createIncident(db(), {
      affected: { [api.id]: "major_outage", [dash.id]: "degraded_performance" },
    });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );

    const rows = (await outboxRows(db())).filter((r) => r.subjectId === update.id);
    expect(rows.map((r) => r.recipient).sort()).toEqual(
      [everything.email, apiOnly.email, hook.webhookUrl, exec.email].sort(),
    );
    expect(rows.find((r) => r.recipient === exec.email)).toMatchObject({
      audience: "internal",
      channel: "email",
      eventType: "incident.created",
    });
    expect(rows.find((r) => r.recipient === hook.webhookUrl)).toMatchObject({
      audience: "public",
      channel: "webhook",
    });
    expect(rows.some((r) => r.recipient === billingOnly.email)).toBe(false);

    // Enqueueing the same update again (a retried publish) adds nothing.
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    expect((await outboxRows(db())).filter((r) => r.subjectId === update.id)).toHaveLength(4);

    const resolved = await addUpdate(db(), incident.id, { state: "resolved", body: "Fixed." });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: resolved.id }),
    );
    expect(
      new Set(
        (await outboxRows(db())).filter((r) => r.subjectId === resolved.id).map((r) => r.eventType),
      ),
    ).toEqual(new Set(["incident.resolved"]));
  });

  it("an update published with notify off reaches nobody", async () => {
    await createEmailSubscriber(db());
    await createStakeholder(db(), `Quiet ${newId()}`);
    const { incident, update } = await createIncident(db(), { update: { notify: false } });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    expect((await outboxRows(db())).filter((r) => r.subjectId === update.id)).toEqual([]);
  });
});
