import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { startChatStandIn, type ChatStandIn } from "../testing/chat-stand-ins";
import { anonymousActor } from "../context";
import { newId } from "../ids";
import { auditLog, notificationOutbox, subscribers } from "../db/schema";
import { createComponent, createIncident, recordingTransport } from "../notifications/test-helpers";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import { addStakeholderChat, listStakeholderChats } from "../stakeholders/stakeholder-chats";
import { removeSubscriber } from "../webhooks/manage-webhooks";
import { addSubscriber } from "./add-subscriber";
import { confirmSubscription } from "./confirm-subscription";
import { unsubscribe } from "./manage-subscription";
import { listSubscribers } from "./list-subscribers";
import { chatSubscribeAnswer, subscribeByChat } from "./subscribe-by-chat";

const baseUrl = "http://status.test";

describeEachEngine("chat subscriptions and managed subscribers", ({ db }) => {
  let slack: ChatStandIn;
  beforeAll(async () => {
    slack = await startChatStandIn("slack");
  });
  afterAll(() => slack.close());

  const anonymous = () => ({ db: db(), actor: anonymousActor });
  const deliver = () =>
    deliverOutboxBatch({
      db: db(),
      transport: recordingTransport(),
      baseUrl,
      sleep: async () => {},
    });
  const subscriberCount = async () => (await db().select({ n: count() }).from(subscribers))[0]!.n;
  /** The activation link from the message posted to the channel. */
  const postedLink = (suffix: string) => {
    const call = slack.calls.filter((c) => c.path.endsWith(suffix)).at(-1);
    return call?.body.match(/(http:\/\/status\.test\/subscribe\/confirm\?token=[^|"]+)\|/)?.[1];
  };

  it("public page: pasting a Slack URL posts an activation link to the channel; opening it starts updates", async () => {
    const suffix = `/public-${newId()}`;
    const url = slack.webhookUrl(suffix);
    const component = await createComponent(db());
    const answer = await subscribeByChat({
      ctx: anonymous(),
      input: { type: "slack", url, scope: "some", componentIds: [component.id] },
      clientKey: `test-${newId()}`,
    });
    expect(answer.message).toBe(chatSubscribeAnswer("slack"));
    const [pending] = await db().select().from(subscribers).where(eq(subscribers.webhookUrl, url));
    expect(pending).toMatchObject({ kind: "slack", state: "pending", allComponents: false });

    await deliver();
    const link = postedLink(suffix);
    expect(link).toBeDefined();
    expect(slack.calls.at(-1)!.body).toContain("Activate Status status updates in this channel");
    // The token is scrubbed from the outbox once posted.
    const [confirmRow] = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.subscriberId, pending!.id));
    expect(confirmRow).toMatchObject({ state: "sent", payload: { token: null } });

    const confirmed = await confirmSubscription({
      ctx: anonymous(),
      input: { token: new URL(link!).searchParams.get("token") },
    });
    expect(confirmed.email).toBe("this Slack channel");
    // Preferences are managed from email links only: no manage link for a channel.
    expect(confirmed.manageToken).toBeUndefined();
    const { incident, update } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
      title: `Chat opt-in ${suffix}`,
    });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    await deliver();
    const update1 = slack.calls.filter((c) => c.path.endsWith(suffix)).at(-1)!.body;
    expect(update1).toContain(`Chat opt-in ${suffix}`);
    // Each update carries the channel's own unsubscribe link, as an email does; following it stops the next one.
    const unsubscribeLink = update1.match(
      /<(http:\/\/status\.test\/unsubscribe\?token=[^|"]+)\|Unsubscribe this channel>/,
    )?.[1];
    expect(unsubscribeLink).toBeDefined();
    const left = await unsubscribe({
      ctx: anonymous(),
      input: { token: new URL(unsubscribeLink!).searchParams.get("token") },
    });
    expect(left.who).toBe("This Slack channel");
    const postsBefore = slack.calls.filter((c) => c.path.endsWith(suffix)).length;
    const second = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
      title: `After leaving ${suffix}`,
    });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, {
        incidentId: second.incident.id,
        updateId: second.update.id,
      }),
    );
    await deliver();
    expect(slack.calls.filter((c) => c.path.endsWith(suffix))).toHaveLength(postsBefore);
  });

  it("public page: a bad URL, platform or component choice is refused and changes nothing", async () => {
    const before = await subscriberCount();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ type: "slack", url: "not a url" }, "url", /full http\(s\):\/\/ URL/],
      [{ type: "slack", url: "ftp://hooks.example.com/x" }, "url", /full http\(s\):\/\/ URL/],
      [{ type: "icq", url: "https://hooks.example.com/x" }, "type", /Choose where to post/],
      [
        { type: "discord", url: "https://hooks.example.com/x", scope: "some", componentIds: [] },
        "componentIds",
        /Pick at least one component/,
      ],
      [
        {
          type: "discord",
          url: "https://hooks.example.com/x",
          scope: "some",
          componentIds: ["zzzzzzzzzzzz"],
        },
        "componentIds",
        /Unknown component/,
      ],
    ];
    for (const [input, field, message] of cases)
      await expect(
        subscribeByChat({ ctx: anonymous(), input, clientKey: `test-${newId()}` }),
      ).rejects.toMatchObject({
        code: "invalid",
        fields: { [field]: expect.stringMatching(message) },
      });
    expect(await subscriberCount()).toBe(before);
  });

  it("owners and editors add subscribers of every type; viewers cannot; SMS says it is not configured", async () => {
    const editor = await createMember(db(), "editor");
    const viewer = await createMember(db(), "viewer");
    const before = await subscriberCount();
    await expect(
      addSubscriber({ ctx: viewer, input: { type: "email", email: "v@example.test" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      addSubscriber({ ctx: editor, input: { type: "sms", phone: "+15550100" } }),
    ).rejects.toMatchObject({ code: "invalid", message: /SMS is not configured/ });
    await expect(
      addSubscriber({ ctx: editor, input: { type: "pager", url: "https://x.example" } }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: { type: expect.stringMatching(/Choose a type/) },
    });
    await expect(
      addSubscriber({
        ctx: editor,
        input: { type: "teams", url: "https://x.example/hook", components: ["nope12345678"] },
      }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: { components: expect.stringMatching(/Unknown/) },
    });
    await expect(
      addSubscriber({
        ctx: editor,
        input: { type: "email", email: "x@example.test", skip_confirmation: "yes" },
      }),
    ).rejects.toMatchObject({ code: "invalid", fields: { skip_confirmation: expect.any(String) } });
    expect(await subscriberCount()).toBe(before);

    const email = `ops-${newId()}@example.test`;
    const added = await addSubscriber({
      ctx: editor,
      input: { type: "email", email, skip_confirmation: true },
    });
    expect(added.subscriber).toMatchObject({ kind: "email", state: "active" });
    await expect(
      addSubscriber({ ctx: editor, input: { type: "email", email } }),
    ).rejects.toMatchObject({ code: "conflict" });
    const hook = await addSubscriber({
      ctx: editor,
      input: { type: "webhook", url: "https://hooks.example.com/herald" },
    });
    expect(hook.secret).toMatch(/^whsec_/);
    const suffix = `/managed-${newId()}`;
    const component = await createComponent(db());
    const chat = await addSubscriber({
      ctx: editor,
      input: { type: "slack", url: slack.webhookUrl(suffix), components: [component.id] },
    });
    expect(chat.subscriber).toMatchObject({ state: "pending", componentIds: [component.id] });
    await deliver();
    expect(postedLink(suffix)).toBeDefined();

    const listed = await listSubscribers({ ctx: viewer });
    const listedChat = listed.find((s) => s.id === chat.subscriber.id)!;
    // A chat webhook URL is a credential: lists shorten it.
    expect(listedChat.webhookUrl).not.toContain("XXXXXXXX");
    expect(listedChat.componentIds).toEqual([component.id]);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, chat.subscriber.id));
    expect(JSON.stringify(audit!.after)).not.toContain("XXXXXXXX");

    await expect(
      removeSubscriber({ ctx: viewer, input: { id: chat.subscriber.id } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await removeSubscriber({ ctx: editor, input: { id: chat.subscriber.id } });
    expect((await listSubscribers({ ctx: viewer })).some((s) => s.id === chat.subscriber.id)).toBe(
      false,
    );
  });

  it("stakeholder chat channels: editors add them, they stay off the public subscriber list", async () => {
    const editor = await createMember(db(), "editor");
    const viewer = await createMember(db(), "viewer");
    const url = slack.webhookUrl(`/exec-${newId()}`);
    await expect(
      addStakeholderChat({ ctx: viewer, input: { type: "slack", url } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      addStakeholderChat({ ctx: editor, input: { type: "slack", url: "nope" } }),
    ).rejects.toMatchObject({ code: "invalid", fields: { url: expect.any(String) } });
    const row = await addStakeholderChat({ ctx: editor, input: { type: "slack", url } });
    await expect(
      addStakeholderChat({ ctx: editor, input: { type: "slack", url } }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await listStakeholderChats({ ctx: viewer })).map((c) => c.id)).toContain(row.id);
    expect((await listSubscribers({ ctx: viewer })).map((s) => s.id)).not.toContain(row.id);
  });
});
