import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { startHttpRecorder } from "../testing/http-recorder";
import { notificationOutbox, subscribers } from "../db/schema";
import {
  createComponent,
  createIncident,
  createWebhookSubscriber,
  recordingTransport,
} from "../notifications/test-helpers";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import { addWebhookSubscriber } from "./manage-webhooks";

// This suite plays a production deployment: private targets are not allowed (the other suites allow them for their stand-ins).
vi.hoisted(() => {
  process.env.HERALD_ALLOW_PRIVATE_URLS = "false";
});

const ATTACKS = [
  "http://127.0.0.1:8080/admin",
  "http://[::1]/",
  "http://localhost:5432/",
  "http://169.254.169.254/latest/meta-data/iam/",
  "http://10.1.2.3/",
  "http://192.168.0.10/",
  "http://2130706433/",
  "http://0x7f000001/",
  "http://127.1/",
  "http://[::ffff:127.0.0.1]/",
];

describeEachEngine("webhooks never reach private addresses", ({ db }) => {
  let receiver: Awaited<ReturnType<typeof startHttpRecorder>>;
  beforeAll(async () => {
    receiver = await startHttpRecorder(() => ({ status: 204 }));
  });
  afterAll(() => receiver.close());

  const webhookCount = async () =>
    (await db().select({ n: count() }).from(subscribers).where(eq(subscribers.kind, "webhook")))[0]!
      .n;

  it.each(ATTACKS)("an editor cannot save %s: the URL field says why", async (url) => {
    const editor = await createMember(db(), "editor");
    const before = await webhookCount();
    await expect(addWebhookSubscriber({ ctx: editor, input: { url } })).rejects.toMatchObject({
      code: "invalid",
      fields: { url: expect.stringMatching(/does not send to private, loopback/) },
    });
    expect(await webhookCount()).toBe(before);
  });

  it("a public URL is still saved", async () => {
    const editor = await createMember(db(), "editor");
    const row = await addWebhookSubscriber({
      ctx: editor,
      input: { url: "https://hooks.example.com/herald" },
    });
    expect(row.webhookUrl).toBe("https://hooks.example.com/herald");
  });

  it("a private URL stored earlier is refused at send time, and nothing arrives", async () => {
    const component = await createComponent(db(), "API");
    const hook = await createWebhookSubscriber(db(), `${receiver.url}/internal`, {
      componentIds: [component.id],
    });
    const { incident, update } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
      title: "API errors",
    });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    await deliverOutboxBatch({
      db: db(),
      transport: recordingTransport(),
      baseUrl: "http://status.test",
    });
    expect(receiver.requests).toEqual([]);
    const [row] = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.subscriberId, hook.id));
    expect(row).toMatchObject({ state: "pending" });
    expect(row!.lastError).toMatch(/private or loopback/);
  });
});
