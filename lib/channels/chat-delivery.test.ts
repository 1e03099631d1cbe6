import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { startChatStandIn, type ChatStandIn } from "../testing/chat-stand-ins";
import { CHAT_CHANNELS, components, notificationOutbox, type ChatChannel } from "../db/schema";
import {
  addUpdate,
  createChatSubscriber,
  createComponent,
  createIncident,
  recordingTransport,
} from "../notifications/test-helpers";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import { DISCORD_LIMITS } from "./discord";

const baseUrl = "http://status.test";
/** Markup of every platform, mentions, and text far over every limit. */
const HOSTILE = [
  "**Bold** <b>tag</b> & <!channel> <@U123> @everyone @here",
  "[click](http://evil.test) `code` _it_ ~~gone~~ > quote",
  "# heading",
  "Typed literally: `**literal**`",
  "x".repeat(9000),
].join("\n\n");

describeEachEngine("chat channels deliver through the outbox", ({ db }) => {
  const standIns = {} as Record<ChatChannel, ChatStandIn>;
  beforeAll(async () => {
    for (const channel of CHAT_CHANNELS) standIns[channel] = await startChatStandIn(channel);
  });
  afterAll(async () => {
    for (const s of Object.values(standIns)) await s.close();
  });

  const sleeps: number[] = [];
  const deliver = (now = new Date()) =>
    deliverOutboxBatch({
      db: db(),
      transport: recordingTransport(),
      baseUrl,
      now: () => now,
      sleep: async (ms) => void sleeps.push(ms),
    });

  /** A new component, a chat subscriber of it on every platform, and an incident affecting it. */
  async function incidentFor(
    urls: (channel: ChatChannel) => string,
    update: NonNullable<Parameters<typeof createIncident>[1]>["update"] = {},
  ) {
    const component = await createComponent(db(), `API ${Date.now()}`);
    await db()
      .update(components)
      .set({ status: "major_outage" })
      .where(eq(components.id, component.id));
    const subs = {} as Record<ChatChannel, { id: string }>;
    for (const channel of CHAT_CHANNELS)
      subs[channel] = await createChatSubscriber(db(), channel, urls(channel), {
        componentIds: [component.id],
      });
    const { incident, update: first } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
      title: "Checkout <errors> & *timeouts*",
      update,
    });
    await publish(incident.id, first.id);
    return { component, subs, incident, update: first };
  }
  const publish = (incidentId: string, updateId: string) =>
    db().transaction((tx) => enqueueIncidentUpdateNotifications(tx, { incidentId, updateId }));
  const rowsFor = (subscriberId: string) =>
    db().select().from(notificationOutbox).where(eq(notificationOutbox.subscriberId, subscriberId));
  const lastJson = (channel: ChatChannel) => standIns[channel].calls.at(-1)!.json as never;

  it("every platform gets one message, in its own shape, escaped and within its limits", async () => {
    const suffix = `/shape-${Date.now()}`;
    const { subs, incident } = await incidentFor((c) => standIns[c].webhookUrl(suffix), {
      body: HOSTILE,
      nextUpdateBy: new Date("2030-01-01T12:30:00Z"),
    });
    await deliver();
    for (const channel of CHAT_CHANNELS) {
      const calls = standIns[channel].calls.filter((c) => c.path.endsWith(suffix));
      expect(calls, channel).toHaveLength(1);
      // The stand-in answered 2xx: the payload passed the platform's own checks and limits.
      expect(await rowsFor(subs[channel].id), channel).toMatchObject([{ state: "sent" }]);
    }

    const slack = lastJson("slack") as {
      text: string;
      blocks: { type: string; text?: { text: string }; fields?: { text: string }[] }[];
    };
    expect(slack.text).toBe("Status: Investigating: Checkout &lt;errors&gt; &amp; *timeouts*");
    expect(slack.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text" } });
    const section = slack.blocks[1]!.text!.text;
    expect(section).toContain("&lt;!channel&gt; &lt;@U123&gt;");
    expect(section).not.toMatch(/<(?!http)/);
    expect(section.length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(slack.blocks)).toContain(
      `${baseUrl}/incidents/${incident.id}|View incident`,
    );
    expect(JSON.stringify(slack.blocks)).toContain("Major outage");

    const teams = lastJson("teams") as {
      type: string;
      attachments: {
        contentType: string;
        content: { version: string; body: { text?: string }[] };
      }[];
    };
    expect(teams.type).toBe("message");
    expect(teams.attachments).toHaveLength(1);
    expect(teams.attachments[0]).toMatchObject({
      contentType: "application/vnd.microsoft.card.adaptive",
      content: { type: "AdaptiveCard", version: "1.5" },
    });
    expect(teams.attachments[0]!.content.body[2]!.text).toContain("\\*\\*literal\\*\\*");

    const discord = lastJson("discord") as {
      allowed_mentions: { parse: string[] };
      embeds: {
        title: string;
        description: string;
        color: number;
        timestamp: string;
        fields: { name: string; value: string }[];
        footer: { text: string };
      }[];
    };
    const [embed] = discord.embeds;
    expect(discord.allowed_mentions).toEqual({ parse: [] });
    expect(embed!.title).toBe("Investigating: Checkout \\<errors\\> & \\*timeouts\\*");
    expect(embed!.color).toBe(0xb91c1c);
    expect(embed!.description).toContain("\\*\\*literal\\*\\*");
    expect(embed!.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    const total =
      embed!.title.length +
      embed!.description.length +
      embed!.footer.text.length +
      embed!.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.total);
    expect(embed!.fields).toContainEqual({
      name: "Next update by",
      value: expect.any(String),
      inline: true,
    });

    const google = standIns.google_chat.calls.at(-1)!;
    expect(google.query.get("messageReplyOption")).toBe("REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD");
    expect(google.query.get("key")).toBe("k-123");
    expect(google.json).toMatchObject({ thread: { threadKey: `herald-incident-${incident.id}` } });
    expect(google.body).toContain("&lt;b&gt;tag&lt;/b&gt; &amp; &lt;!channel&gt;");

    const mattermost = lastJson("mattermost") as {
      attachments: { text: string; color: string; title_link: string }[];
    };
    expect(mattermost.attachments[0]).toMatchObject({
      color: "#b91c1c",
      title_link: `${baseUrl}/incidents/${incident.id}`,
    });
    // No @channel or @here notification from an update's text.
    expect(mattermost.attachments[0]!.text).not.toMatch(/@(everyone|here|channel)/);
  });

  it("Google Chat keeps one thread per incident", async () => {
    const suffix = `/thread-${Date.now()}`;
    const { incident } = await incidentFor((c) => standIns[c].webhookUrl(suffix));
    const second = await addUpdate(db(), incident.id, { state: "identified", body: "Found it." });
    await publish(incident.id, second.id);
    await deliver();
    const keys = standIns.google_chat.calls
      .filter((c) => c.path.endsWith(suffix))
      .map((c) => (c.json as { thread: { threadKey: string } }).thread.threadKey);
    expect(keys).toEqual([`herald-incident-${incident.id}`, `herald-incident-${incident.id}`]);
  });

  it("a short 429 is waited out (Retry-After, or Discord's retry_after) and the message sent once", async () => {
    const suffix = `/limited-${Date.now()}`;
    standIns.slack.script({ kind: "rate_limited", retryAfterSeconds: 2 });
    standIns.discord.script({ kind: "rate_limited", retryAfterSeconds: 1.5 });
    sleeps.length = 0;
    const { subs } = await incidentFor((c) => standIns[c].webhookUrl(suffix));
    await deliver();
    expect(sleeps).toContain(2000);
    expect(sleeps).toContain(1500);
    for (const channel of ["slack", "discord"] as const) {
      const rows = await rowsFor(subs[channel].id);
      expect(rows).toMatchObject([{ state: "sent", attempts: 1 }]);
      // The refused try and the accepted one: no third post.
      expect(standIns[channel].calls.filter((c) => c.path.endsWith(suffix))).toHaveLength(2);
    }
  });

  it("a long 429 puts the message back until Retry-After, without spending an attempt", async () => {
    const suffix = `/long-${Date.now()}`;
    standIns.teams.script({ kind: "rate_limited", retryAfterSeconds: 120 });
    const { subs } = await incidentFor((c) => standIns[c].webhookUrl(suffix));
    const now = new Date();
    await deliver(now);
    const [row] = await rowsFor(subs.teams.id);
    expect(row).toMatchObject({ state: "pending", attempts: 0 });
    expect(row!.nextAttemptAt.getTime()).toBe(now.getTime() + 120_000);
    expect(row!.lastError).toMatch(/Rate limited \(HTTP 429\)/);
    await deliver(new Date(now.getTime() + 121_000));
    expect(await rowsFor(subs.teams.id)).toMatchObject([{ state: "sent", attempts: 1 }]);
  });

  it("two messages to one Slack URL are spaced a second apart", async () => {
    const suffix = `/paced-${Date.now()}`;
    const { incident } = await incidentFor((c) => standIns[c].webhookUrl(suffix));
    const second = await addUpdate(db(), incident.id, { state: "monitoring", body: "Fixed." });
    await publish(incident.id, second.id);
    sleeps.length = 0;
    const now = new Date();
    await deliver(now);
    const slackCalls = standIns.slack.calls.filter((c) => c.path.endsWith(suffix));
    expect(slackCalls).toHaveLength(2);
    expect(sleeps).toContain(1000);
  });
});
