import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { startSlackApiStandIn, type SlackApiStandIn } from "../testing/slack-api-stand-in";
import { notificationOutbox, slackThreads, subscribers } from "../db/schema";
import {
  addUpdate,
  createComponent,
  createIncident,
  recordingTransport,
} from "../notifications/test-helpers";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import { addStakeholderSlackChannel } from "../stakeholders/stakeholder-slack-app";
import { createMember } from "../testing/factories";
import { createSlackClient } from "./slack-client";

const baseUrl = "http://status.test";
type Block = { type: string; text?: { text: string }; fields?: { text: string }[] };

describeEachEngine("Slack app mode: one thread per incident", ({ db }) => {
  let slack: SlackApiStandIn;
  beforeAll(async () => {
    slack = await startSlackApiStandIn();
  });
  afterAll(() => slack.close());

  const sleeps: number[] = [];
  const deliver = (now = new Date()) =>
    deliverOutboxBatch({
      db: db(),
      transport: recordingTransport(),
      baseUrl,
      now: () => now,
      sleep: async (ms) => void sleeps.push(ms),
      slackClient: createSlackClient(slack.token, slack.apiUrl),
    });
  let n = 0;
  /** A channel the bot is in, added by an editor through the domain function. */
  async function channel() {
    const id = `C0TEST${String(++n).padStart(4, "0")}${Date.now() % 1000}`;
    slack.addChannel(id);
    const ctx = await createMember(db(), "editor");
    const sub = await addStakeholderSlackChannel({ ctx, input: { channelId: id }, enabled: true });
    return { id, sub };
  }
  const publish = (incidentId: string, updateId: string) =>
    db().transaction((tx) => enqueueIncidentUpdateNotifications(tx, { incidentId, updateId }));
  const rowsFor = (subscriberId: string) =>
    db().select().from(notificationOutbox).where(eq(notificationOutbox.subscriberId, subscriberId));
  async function openIncident(title = "Checkout <errors> & *timeouts*") {
    const component = await createComponent(db(), `API ${Date.now()}`);
    const { incident, update } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
      title,
      update: { internalNote: "Customer <b>Acme</b> & others hit", eta: "~30 min" },
    });
    await publish(incident.id, update.id);
    return incident;
  }
  const later = (incidentId: string, values: Parameters<typeof addUpdate>[2]) =>
    addUpdate(db(), incidentId, values).then((u) => publish(incidentId, u.id));

  it("a whole incident is one root and three replies; the root ends as Resolved", async () => {
    const { id, sub } = await channel();
    const incident = await openIncident();
    await deliver();
    await later(incident.id, { state: "identified", body: "Found the bad deploy." });
    await deliver();
    await later(incident.id, { state: "monitoring", body: "Rolled back." });
    await deliver();
    await later(incident.id, { state: "resolved", body: "All good." });
    await deliver();

    const messages = slack.messages(id);
    const [root, ...replies] = messages;
    expect(root!.thread_ts).toBeUndefined();
    expect(replies).toHaveLength(3);
    for (const reply of replies) expect(reply.thread_ts).toBe(root!.ts);
    expect(replies.map((r) => r.text)).toEqual([
      expect.stringContaining("Identified"),
      expect.stringContaining("Monitoring"),
      expect.stringContaining("Resolved"),
    ]);
    // Edited after each later update, and now shows the incident as resolved.
    expect(root!.edits).toBe(3);
    expect(root!.text).toContain("[Internal] Resolved: Checkout");
    expect((root!.blocks[0] as Block).text!.text).toBe(
      "[Internal] Resolved: Checkout <errors> & *timeouts*",
    );
    // The internal version: the note and ETA of the first update.
    expect(JSON.stringify(root!.blocks)).toContain("Internal note");
    expect(JSON.stringify(root!.blocks)).toContain("~30 min");
    expect(await rowsFor(sub.id)).toHaveLength(4);
    expect((await rowsFor(sub.id)).every((r) => r.state === "sent")).toBe(true);
    const [thread] = await db()
      .select()
      .from(slackThreads)
      .where(eq(slackThreads.subscriberId, sub.id));
    expect(thread!.rootTs).toBe(root!.ts);
  });

  it("Block Kit escapes <>& in mrkdwn and keeps a plain text fallback", async () => {
    const { id } = await channel();
    await openIncident("A <!channel> & <@U1> title");
    await deliver();
    const [root] = slack.messages(id);
    expect(root!.text).toBe(
      "Status: [Internal] Investigating: A &lt;!channel&gt; &amp; &lt;@U1&gt; title",
    );
    const mrkdwn = (root!.blocks as Block[])
      .flatMap((b) => [b.text, ...(b.fields ?? [])])
      .filter((t): t is { text: string; type?: string } => Boolean(t))
      .filter((t) => (t as { type?: string }).type === "mrkdwn")
      .map((t) => t.text)
      .join("\n");
    expect(mrkdwn).toContain("Customer &lt;b&gt;Acme&lt;/b&gt; &amp; others hit");
    // The only angle brackets left are Herald's own link.
    expect(mrkdwn.replace(/<http[^>]+>/g, "")).not.toMatch(/[<>]/);
  });

  it("a 429 defers without spending an attempt, then sends once", async () => {
    const { id, sub } = await channel();
    slack.script({
      channel: id,
      method: "chat.postMessage",
      kind: "rate_limited",
      retryAfterSeconds: 30,
    });
    await openIncident();
    const now = new Date();
    await deliver(now);
    const [row] = await rowsFor(sub.id);
    expect(row).toMatchObject({ state: "pending", attempts: 0 });
    expect(row!.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);
    expect(slack.messages(id)).toHaveLength(0);
    await deliver(new Date(now.getTime() + 31_000));
    expect(await rowsFor(sub.id)).toMatchObject([{ state: "sent", attempts: 1 }]);
    expect(slack.messages(id)).toHaveLength(1);
  });

  it("a crash after Slack accepted the root posts no second root and loses nothing", async () => {
    const { id, sub } = await channel();
    const incident = await openIncident();
    // Slack stores the root, but the answer never reaches Herald (the worker died mid-send).
    slack.script({ channel: id, method: "chat.postMessage", kind: "accept_then_drop" });
    const now = new Date();
    await deliver(now);
    expect(slack.messages(id)).toHaveLength(1);
    expect((await rowsFor(sub.id))[0]).toMatchObject({ state: "pending", attempts: 1 });
    await later(incident.id, { state: "identified", body: "Found it." });
    // A new worker, after the retry is due.
    await deliver(new Date(now.getTime() + 3_600_000));
    const messages = slack.messages(id);
    expect(messages.filter((m) => !m.thread_ts)).toHaveLength(1);
    expect(messages.filter((m) => m.thread_ts === messages[0]!.ts)).toHaveLength(1);
    expect((await rowsFor(sub.id)).map((r) => r.state)).toEqual(["sent", "sent"]);
  });

  it("a crash after Slack accepted a reply does not double it", async () => {
    const { id, sub } = await channel();
    const incident = await openIncident();
    await deliver();
    await later(incident.id, { state: "identified", body: "Found it." });
    const now = new Date();
    slack.script({ channel: id, method: "chat.postMessage", kind: "accept_then_drop" });
    await deliver(now);
    await deliver(new Date(now.getTime() + 3_600_000));
    const messages = slack.messages(id);
    expect(messages).toHaveLength(2);
    expect(messages[1]!.thread_ts).toBe(messages[0]!.ts);
    expect((await rowsFor(sub.id)).every((r) => r.state === "sent")).toBe(true);
  });

  it("two workers holding an incident's first and second update thread them in order", async () => {
    const { id, sub } = await channel();
    const incident = await openIncident();
    await later(incident.id, { state: "identified", body: "Found it." });
    const now = new Date(Date.now() + 1000);
    const worker = () =>
      deliverOutboxBatch({
        db: db(),
        transport: recordingTransport(),
        baseUrl,
        now: () => now,
        sleep: async () => undefined,
        batchSize: 1,
        slackClient: createSlackClient(slack.token, slack.apiUrl),
      });
    // Every worker takes one row; whichever reaches Slack first, the first update is the root.
    await Promise.all([worker(), worker(), worker(), worker()]);
    await deliver(new Date(now.getTime() + 5_000));
    const [root, ...replies] = slack.messages(id);
    // The root carries the first update's words (under the current state); the reply the second's.
    expect(JSON.stringify(root!.blocks)).toContain("We are investigating.");
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ thread_ts: root!.ts });
    expect(replies[0]!.text).toContain("Identified");
    expect((await rowsFor(sub.id)).every((r) => r.state === "sent")).toBe(true);
  });

  it("channel_not_found switches the channel off with the reason", async () => {
    const { id, sub } = await channel();
    const incident = await openIncident();
    slack.script({
      channel: id,
      method: "chat.postMessage",
      kind: "error",
      error: "channel_not_found",
    });
    await deliver();
    const [row] = await rowsFor(sub.id);
    expect(row).toMatchObject({ state: "failed", lastError: "Slack refused: channel_not_found" });
    const [after] = await db().select().from(subscribers).where(eq(subscribers.id, sub.id));
    expect(after).toMatchObject({ state: "disabled" });
    expect(after!.disabledReason).toContain("channel_not_found");
    // Nothing more is queued for it.
    await later(incident.id, { state: "identified", body: "Found it." });
    await deliver();
    expect(await rowsFor(sub.id)).toHaveLength(1);
  });
});
