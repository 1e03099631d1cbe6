import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { startChatStandIn, type ChatStandIn } from "../testing/chat-stand-ins";
import { startHttpRecorder } from "../testing/http-recorder";
import { createMember } from "../testing/factories";
import { CHAT_CHANNELS, notificationOutbox, subscribers, type ChatChannel } from "../db/schema";
import type { MailMessage } from "../mail/transport";
import {
  addUpdate,
  createChatSubscriber,
  createComponent,
  createEmailSubscriber,
  createIncident,
  createWebhookSubscriber,
  recordingTransport,
} from "../notifications/test-helpers";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import { listSubscribers } from "../subscribers/list-subscribers";
import { deliverOutboxBatch, type DeliveryDeps } from "../worker/deliver-outbox";
import { GONE_DISABLE_AFTER } from "../worker/retry-policy";
import { postChat } from "./post-chat";

const baseUrl = "http://status.test";

describeEachEngine("chat channels in a mixed fan-out", ({ db }) => {
  const standIns = {} as Record<ChatChannel, ChatStandIn>;
  let hookReceiver: Awaited<ReturnType<typeof startHttpRecorder>>;
  beforeAll(async () => {
    for (const channel of CHAT_CHANNELS) standIns[channel] = await startChatStandIn(channel);
    hookReceiver = await startHttpRecorder(() => ({ status: 204 }));
  });
  afterAll(async () => {
    for (const s of Object.values(standIns)) await s.close();
    await hookReceiver?.close();
  });

  const publish = (incidentId: string, updateId: string) =>
    db().transaction((tx) => enqueueIncidentUpdateNotifications(tx, { incidentId, updateId }));
  const rowsOf = (subjectId: string) =>
    db().select().from(notificationOutbox).where(eq(notificationOutbox.subjectId, subjectId));
  const callsTo = (suffix: string) =>
    CHAT_CHANNELS.flatMap((c) => standIns[c].calls.filter((call) => call.path.endsWith(suffix)));
  const noSleep = async () => {};

  it("stakeholder chat destinations get the internal version; public chat subscribers never do", async () => {
    const suffix = `/audience-${Date.now()}`;
    const component = await createComponent(db());
    await createChatSubscriber(db(), "slack", standIns.slack.webhookUrl(`${suffix}-public`), {
      componentIds: [component.id],
    });
    await createChatSubscriber(
      db(),
      "mattermost",
      standIns.mattermost.webhookUrl(`${suffix}-internal`),
      { audience: "internal" },
    );
    const { incident, update } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
      update: {
        body: "Payments are failing.",
        internalNote: "Rollback of release 42 under way",
        businessImpact: "About 300 orders an hour",
        eta: "14:00 UTC",
      },
    });
    await publish(incident.id, update.id);
    await deliverOutboxBatch({
      db: db(),
      transport: recordingTransport(),
      baseUrl,
      sleep: noSleep,
    });
    const [publicCall] = callsTo(`${suffix}-public`);
    const [internalCall] = callsTo(`${suffix}-internal`);
    expect(publicCall!.body).toContain("Payments are failing.");
    expect(publicCall!.body).not.toContain("Rollback of release 42");
    expect(internalCall!.body).toContain("[Internal] Investigating");
    for (const text of ["Rollback of release 42", "About 300 orders an hour", "14:00 UTC"])
      expect(internalCall!.body).toContain(text);
  });

  it("a webhook that answers 404/410 round after round is switched off, with a notice the console lists", async () => {
    const suffix = `/deleted-${Date.now()}`;
    const url = standIns.discord.webhookUrl(suffix);
    const component = await createComponent(db());
    const sub = await createChatSubscriber(db(), "discord", url, { componentIds: [component.id] });
    const { incident, update } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
    });
    standIns.discord.deleteWebhook(url);
    let now = Date.now();
    for (let round = 1; round <= GONE_DISABLE_AFTER; round++) {
      const next =
        round === 1 ? update : await addUpdate(db(), incident.id, { body: `Round ${round}` });
      await publish(incident.id, next.id);
      now += 3_600_000;
      await deliverOutboxBatch({
        db: db(),
        transport: recordingTransport(),
        baseUrl,
        now: () => new Date(now),
        sleep: noSleep,
      });
    }
    const [after] = await db().select().from(subscribers).where(eq(subscribers.id, sub.id));
    expect(after).toMatchObject({ state: "disabled", failureCount: GONE_DISABLE_AFTER });
    expect(after!.disabledReason).toMatch(/no longer exists \(HTTP 404\): Unknown Webhook/);
    // Nothing is left queued for it.
    const rows = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.subscriberId, sub.id));
    expect(rows.every((r) => r.state !== "pending" && r.state !== "sending")).toBe(true);
    const viewer = await createMember(db(), "viewer");
    const listed = (await listSubscribers({ ctx: viewer })).find((s) => s.id === sub.id);
    expect(listed).toMatchObject({ kind: "discord", state: "disabled" });
  });

  it("a worker killed in the middle of a mixed email, webhook and chat fan-out: after restart each is delivered once", async () => {
    const suffix = `/crash-${Date.now()}`;
    const component = await createComponent(db());
    const componentIds = [component.id];
    for (let i = 0; i < 3; i++) await createEmailSubscriber(db(), { componentIds });
    await createWebhookSubscriber(db(), `${hookReceiver.url}${suffix}`, { componentIds });
    for (const channel of CHAT_CHANNELS)
      for (let i = 0; i < 2; i++)
        await createChatSubscriber(db(), channel, standIns[channel].webhookUrl(`${suffix}-${i}`), {
          componentIds,
        });
    const { incident, update } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
    });
    await publish(incident.id, update.id);

    const mails = new Map<string, number>();
    const mailTransport = {
      name: "smtp" as const,
      send: async (m: MailMessage) =>
        void mails.set(m.idempotencyKey!, (mails.get(m.idempotencyKey!) ?? 0) + 1),
    };
    // The first worker posts four chat messages, then hangs on the fifth forever (as good as killed).
    let posts = 0;
    const start = Date.now();
    const first: DeliveryDeps = {
      db: db(),
      transport: mailTransport,
      baseUrl,
      now: () => new Date(start),
      leaseMs: 60_000,
      sleep: noSleep,
      postChat: (request) => (++posts <= 4 ? postChat(request) : new Promise(() => {})),
    };
    void deliverOutboxBatch(first);
    await expect.poll(() => posts, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    // Everything the first worker completed is recorded (3 emails, the webhook, 4 chat posts):
    // only then is it "killed". A post completed but not yet recorded is in flight, and the
    // outbox promises at most those again (chat webhooks take no idempotency key).
    await expect
      .poll(async () => (await rowsOf(update.id)).filter((r) => r.state === "sent").length, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(3 + 1 + 4);

    // After the lease, a restarted worker delivers everything that is left.
    const restarted = { ...first, now: () => new Date(start + 61_000), postChat };
    while ((await deliverOutboxBatch(restarted)).claimed > 0);
    const rows = await rowsOf(update.id);
    // The stakeholders' chat destination from the first test hears of it too (internal audience).
    expect(rows.filter((r) => r.audience === "public")).toHaveLength(
      3 + 1 + CHAT_CHANNELS.length * 2,
    );
    expect(rows.every((r) => r.state === "sent")).toBe(true);
    // Once each: no message lost, none doubled, on any channel.
    expect([...mails.values()].every((n) => n === 1)).toBe(true);
    expect(mails.size).toBe(3);
    expect(hookReceiver.requests.filter((r) => r.path === suffix)).toHaveLength(1);
    for (const channel of CHAT_CHANNELS)
      for (let i = 0; i < 2; i++)
        expect(
          standIns[channel].calls.filter((c) => c.path.endsWith(`${suffix}-${i}`)),
          `${channel} ${i}`,
        ).toHaveLength(1);
    const subIds = rows.flatMap((r) => (r.subscriberId ? [r.subscriberId] : []));
    const subs = await db().select().from(subscribers).where(inArray(subscribers.id, subIds));
    expect(subs.every((s) => s.failureCount === 0)).toBe(true);
  });
});
