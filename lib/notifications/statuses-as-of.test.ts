import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createTestComponent, declareTestIncident } from "../testing/console-factories";
import { publishIncidentUpdate } from "../incidents/publish-incident-update";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import type { WebhookRequest } from "../webhooks/post-webhook";
import { createEmailSubscriber, createWebhookSubscriber, recordingTransport } from "./test-helpers";

/** Issue 13 #2: every email and webhook shows the components as they were when its update was published. */
describeEachEngine("component statuses as of the update", ({ db }) => {
  it("an update without a component change, delivered after a later change, shows the status it was published with", async () => {
    const editor = await createMember(db(), "editor");
    const api = await createTestComponent(db(), { name: "REST API" });
    const subscriber = await createEmailSubscriber(db(), { componentIds: [api.id] });
    await createWebhookSubscriber(db(), "http://127.0.0.1:9/hook", { componentIds: [api.id] });
    const { incident } = await declareTestIncident(editor, {
      components: [{ componentId: api.id, status: "major_outage" }],
    });
    await publishIncidentUpdate({
      ctx: editor,
      input: {
        incidentId: incident.id,
        state: "identified",
        body: "Rolling back.",
        components: [{ componentId: api.id, status: "degraded_performance" }],
      },
    });
    // No component change: the API is still degraded when this one is published…
    const { update: quiet } = await publishIncidentUpdate({
      ctx: editor,
      input: { incidentId: incident.id, state: "monitoring", body: "Error rates are falling." },
    });
    // …and operational by the time the worker gets to it.
    await publishIncidentUpdate({
      ctx: editor,
      input: {
        incidentId: incident.id,
        state: "monitoring",
        body: "Fully recovered; still watching.",
        components: [{ componentId: api.id, status: "operational" }],
      },
    });

    const transport = recordingTransport();
    const hooks: WebhookRequest[] = [];
    const deps = {
      db: db(),
      transport,
      baseUrl: "http://status.test",
      postWebhook: async (r: WebhookRequest) => void hooks.push(r),
    };
    while ((await deliverOutboxBatch(deps)).claimed > 0);

    const mail = transport.sent.find(
      (m) => m.to === subscriber.email && m.text.includes("Error rates are falling"),
    )!;
    expect(mail.text).toMatch(/REST API[\s\S]{0,40}Degraded performance/);
    expect(mail.text).not.toMatch(/REST API[\s\S]{0,40}(Major outage|Operational)/);

    const hook = JSON.parse(
      hooks.find((h) => h.deliveryId.startsWith(`incident-update:${quiet.id}:`))!.body,
    ) as { incident: { components: { id: string; status: string }[] } };
    expect(hook.incident.components.find((c) => c.id === api.id)?.status).toBe(
      "degraded_performance",
    );
  });
});
