import { expandFanOuts } from "../worker/expand-fan-outs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { startHttpRecorder } from "../testing/http-recorder";
import { notificationOutbox, subscribers } from "../db/schema";
import {
  addUpdate,
  createComponent,
  createIncident,
  createWebhookSubscriber,
  recordingTransport,
} from "../notifications/test-helpers";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import { WEBHOOK_DISABLE_AFTER } from "../worker/retry-policy";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "./signature";

describeEachEngine("webhook delivery", ({ db }) => {
  let failing = false;
  let receiver: Awaited<ReturnType<typeof startHttpRecorder>>;
  beforeAll(async () => {
    receiver = await startHttpRecorder(() => ({ status: failing ? 500 : 204 }));
  });
  afterAll(() => receiver.close());

  async function publishTo(hookPath: string) {
    const component = await createComponent(db(), "API");
    const hook = await createWebhookSubscriber(db(), `${receiver.url}${hookPath}`, {
      componentIds: [component.id],
    });
    const { incident, update } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
      title: "API errors",
    });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    return { hook, incident, update };
  }
  const deliver = (now = new Date()) =>
    deliverOutboxBatch({
      db: db(),
      transport: recordingTransport(),
      baseUrl: "http://status.test",
      now: () => now,
    });

  it("POSTs signed JSON the receiver can verify with the subscriber's secret", async () => {
    failing = false;
    const { hook, incident } = await publishTo("/signed");
    await deliver();
    const request = receiver.requests.find((r) => r.path === "/signed")!;
    expect(request.method).toBe("POST");
    expect(request.headers["x-herald-event"]).toBe("incident.created");
    expect(
      verifyWebhookSignature(
        hook.webhookSecret!,
        request.body,
        request.headers[SIGNATURE_HEADER] as string,
      ),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        "whsec_wrong",
        request.body,
        request.headers[SIGNATURE_HEADER] as string,
      ),
    ).toBe(false);
    expect(
      verifyWebhookSignature(
        hook.webhookSecret!,
        request.body + " ",
        request.headers[SIGNATURE_HEADER] as string,
      ),
    ).toBe(false);
    const body = JSON.parse(request.body);
    expect(body.meta).toMatchObject({
      event: "incident.created",
      delivery_id: request.headers["x-herald-delivery"],
    });
    expect(body.incident).toMatchObject({
      id: incident.id,
      name: "API errors",
      status: "investigating",
      shortlink: `http://status.test/incidents/${incident.id}`,
    });
    expect(body.incident.incident_updates[0].body).toBe("We are investigating.");
  });

  it("a signature older than five minutes is refused (replay)", () => {
    const now = new Date();
    const old = new Date(now.getTime() - 6 * 60_000);
    const header = `t=${Math.floor(old.getTime() / 1000)},v1=00`;
    expect(verifyWebhookSignature("s", "{}", header, now)).toBe(false);
  });

  it("switches a webhook off after repeated failures and says why", async () => {
    failing = true;
    const { hook, incident } = await publishTo("/down");
    let now = Date.now();
    // A burst of updates failing in one round counts once…
    for (let i = 0; i < 3; i++) await enqueueNewUpdate(incident.id);
    await deliver(new Date(now));
    expect(
      (await db().select().from(subscribers).where(eq(subscribers.id, hook.id)))[0]!.failureCount,
    ).toBe(1);
    // …the receiver staying down round after round switches the webhook off.
    for (let i = 1; i < WEBHOOK_DISABLE_AFTER; i++) {
      now += 2 * 3_600_000;
      await enqueueNewUpdate(incident.id);
      await deliver(new Date(now));
    }
    const [after] = await db().select().from(subscribers).where(eq(subscribers.id, hook.id));
    expect(after!.state).toBe("disabled");
    expect(after!.disabledReason).toMatch(/failed deliveries in a row.*HTTP 500/);
    await expandFanOuts(db());
    const rows = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.subscriberId, hook.id));
    expect(rows.every((r) => r.state === "failed" || r.state === "skipped")).toBe(true);
    // Re-enabling (from the console) starts counting afresh.
    failing = false;
  });

  it("waits as long as a busy receiver asks (Retry-After) before trying again", async () => {
    const busy = createServer((_req, res) => res.writeHead(429, { "retry-after": "7200" }).end());
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    try {
      const component = await createComponent(db(), "Busy API");
      const hook = await createWebhookSubscriber(
        db(),
        `http://127.0.0.1:${(busy.address() as AddressInfo).port}/busy`,
        { componentIds: [component.id] },
      );
      const { incident, update } = await createIncident(db(), {
        affected: { [component.id]: "major_outage" },
        title: "Busy",
      });
      await db().transaction((tx) =>
        enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
      );
      const now = new Date();
      await deliver(now);
      const [row] = await db()
        .select()
        .from(notificationOutbox)
        .where(eq(notificationOutbox.subscriberId, hook.id));
      expect(row!.lastError).toBe("Webhook answered HTTP 429");
      expect(row!.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(now.getTime() + 7_200_000);
    } finally {
      busy.close();
    }
  });

  async function enqueueNewUpdate(incidentId: string) {
    const update = await addUpdate(db(), incidentId, { body: "Still investigating." });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId, updateId: update.id }),
    );
  }
});
