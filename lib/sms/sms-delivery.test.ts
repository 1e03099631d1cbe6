import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseConfig } from "../config";
import { anonymousActor } from "../context";
import { notificationOutbox, subscribers } from "../db/schema";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import {
  addUpdate,
  createComponent,
  createIncident,
  recordingTransport,
} from "../notifications/test-helpers";
import { confirmSmsSubscription } from "../subscribers/confirm-sms";
import { subscribeBySms } from "../subscribers/subscribe-by-sms";
import { describeEachEngine } from "../testing/databases";
import { startTwilioStandIn, type TwilioStandIn } from "../testing/twilio-stand-in";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import { receiveTwilioInbound } from "./receive-inbound";
import { smsLength } from "./segments";
import { twilioSignature } from "./signature";
import { twilioSender } from "./twilio";
import { createMember } from "../testing/factories";
import { previewChatUpdate } from "../notifications/preview-chat-update";
import { addSubscriber } from "../subscribers/add-subscriber";
import { addStakeholderSms } from "../stakeholders/stakeholder-sms";
import { claimOutboxBatch } from "../worker/claim-outbox";
import { expandFanOuts } from "../worker/expand-fan-outs";

const baseUrl = "http://status.test";
// The console and API offer SMS only with an account configured (sends go to the stand-in below).
process.env.TWILIO_ACCOUNT_SID ??= "AC00000000000000000000000000000000";
process.env.TWILIO_AUTH_TOKEN ??= "stand-in-auth-token-0123456789ab";
process.env.TWILIO_FROM ??= "+14155550100";
const inboundUrl = `${baseUrl}/api/twilio/inbound`;
let seq = 0;
/** A valid US mobile-capable number no other test uses. */
const newPhone = () => `+1415555${String(1000 + (seq++ % 9000)).padStart(4, "0")}`;

describeEachEngine("SMS through Twilio", ({ db }) => {
  let twilio: TwilioStandIn;
  beforeAll(async () => {
    twilio = await startTwilioStandIn();
  });
  afterAll(() => twilio.close());

  const sleeps: number[] = [];
  const deliver = (now = new Date()) =>
    deliverOutboxBatch({
      db: db(),
      transport: recordingTransport(),
      baseUrl,
      now: () => now,
      sleep: async (ms) => void sleeps.push(ms),
      sendSms: twilioSender(
        parseConfig({
          TWILIO_ACCOUNT_SID: twilio.accountSid,
          TWILIO_AUTH_TOKEN: twilio.authToken,
          TWILIO_FROM: "+14155550100",
          TWILIO_API_URL: twilio.apiUrl,
        }),
      ),
    });
  const ctx = () => ({ actor: anonymousActor, db: db() });

  /** Subscribes through the public flow: number, the texted code, confirmed. */
  async function subscribe(updates: "changes" | "all", componentIds: string[]) {
    const phone = newPhone();
    const clientKey = `ip-${phone}`;
    await subscribeBySms({
      ctx: ctx(),
      input: { phone, updates, scope: "some", componentIds },
      clientKey,
    });
    await deliver();
    const code = twilio.codeFor(phone);
    expect(code).toMatch(/^\d{6}$/);
    await confirmSmsSubscription({ ctx: ctx(), input: { phone, code }, clientKey });
    return phone;
  }
  const textsTo = (phone: string) => twilio.messages.filter((m) => m.to === phone);

  async function publish(incidentId: string, updateId: string) {
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId, updateId }),
    );
    await deliver();
  }

  it("texts a code, refuses wrong guesses past the limit, and subscribes with the right one", async () => {
    const phone = newPhone();
    const clientKey = `ip-guess-${phone}`;
    // Only a component of its own: other tests' incidents must not reach this number.
    const { id } = await createComponent(db());
    await subscribeBySms({
      ctx: ctx(),
      input: { phone: phone.replace("+1", "+1 "), scope: "some", componentIds: [id] },
      clientKey,
    });
    await deliver();
    const [text] = textsTo(phone);
    expect(text?.from).toBe("+14155550100");
    const code = twilio.codeFor(phone)!;
    const wrong = code === "000000" ? "111111" : "000000";
    await expect(
      confirmSmsSubscription({ ctx: ctx(), input: { phone, code: wrong }, clientKey }),
    ).rejects.toThrow(/wrong or has expired/);
    const [pending] = await db().select().from(subscribers).where(eq(subscribers.phone, phone));
    expect(pending?.state).toBe("pending");
    await confirmSmsSubscription({ ctx: ctx(), input: { phone, code }, clientKey });
    const [active] = await db().select().from(subscribers).where(eq(subscribers.phone, phone));
    expect(active?.state).toBe("active");
    // The code is not kept once sent.
    const rows = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.recipient, phone));
    expect(JSON.stringify(rows.map((r) => r.payload))).not.toContain(code);

    const other = newPhone();
    await subscribeBySms({
      ctx: ctx(),
      input: { phone: other, scope: "some", componentIds: [id] },
      clientKey: `ip-${other}`,
    });
    await deliver();
    for (let i = 0; i < 5; i++)
      await confirmSmsSubscription({
        ctx: ctx(),
        input: { phone: other, code: wrong },
        clientKey: `g${i}${other}`,
      }).catch(() => null);
    await expect(
      confirmSmsSubscription({
        ctx: ctx(),
        input: { phone: other, code: twilio.codeFor(other) },
        clientKey: `ok-${other}`,
      }),
    ).rejects.toThrow(/wrong or has expired/);
  });

  it("texts state changes to everyone and routine updates only to 'all updates', in two parts at most", async () => {
    const component = await createComponent(db());
    const all = await subscribe("all", [component.id]);
    const changes = await subscribe("changes", [component.id]);
    const { incident, update } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
      update: { body: "Elevated errors on the API. ".repeat(30) },
    });
    await publish(incident.id, update.id);
    const routine = await addUpdate(db(), incident.id, {
      state: "investigating",
      body: "Still looking.",
    });
    await publish(incident.id, routine.id);
    const identified = await addUpdate(db(), incident.id, {
      state: "identified",
      body: "Found it.",
    });
    await publish(incident.id, identified.id);
    const resolved = await addUpdate(db(), incident.id, { state: "resolved", body: "Fixed." });
    await publish(incident.id, resolved.id);

    const link = `${baseUrl}/incidents/${incident.id}`;
    const allTexts = textsTo(all).slice(1); // after the code
    const changeTexts = textsTo(changes).slice(1);
    expect(allTexts.map((t) => t.body.match(/: (\w+):/)?.[1])).toEqual([
      "Investigating",
      "Investigating",
      "Identified",
      "Resolved",
    ]);
    expect(changeTexts.map((t) => t.body.match(/: (\w+):/)?.[1])).toEqual([
      "Investigating",
      "Identified",
      "Resolved",
    ]);
    for (const t of [...allTexts, ...changeTexts]) {
      expect(t.body.endsWith(link)).toBe(true);
      expect(smsLength(t.body).segments).toBeLessThanOrEqual(2);
    }
    expect(allTexts[0]!.body).toContain("...");
  });

  it("honours a signed STOP and START; a bad signature changes nothing", async () => {
    const component = await createComponent(db());
    const phone = await subscribe("changes", [component.id]);
    const params = (body: string): [string, string][] => [
      ["From", phone],
      ["To", "+14155550100"],
      ["Body", body],
      ["MessageSid", "SM123"],
      ["AccountSid", twilio.accountSid],
    ];
    const inbound = (body: string, signature: string) =>
      receiveTwilioInbound({
        db: db(),
        authToken: twilio.authToken,
        publicUrl: inboundUrl,
        signature,
        params: params(body),
      });
    const sign = (body: string) => twilioSignature(twilio.authToken, inboundUrl, params(body));
    const state = async () =>
      (await db().select().from(subscribers).where(eq(subscribers.phone, phone)))[0]?.state;

    await expect(inbound("STOP", sign("START"))).rejects.toThrow(/signature/);
    await expect(inbound("STOP", "")).rejects.toThrow(/signature/);
    // Signed for another URL (a forged Host header would give one): refused.
    await expect(
      inbound(
        "STOP",
        twilioSignature(twilio.authToken, "http://evil.test/api/twilio/inbound", params("STOP")),
      ),
    ).rejects.toThrow(/signature/);
    expect(await state()).toBe("active");

    expect(await inbound(" stop ", sign(" stop "))).toEqual({
      action: "stopped",
      subscriptions: 1,
    });
    expect(await state()).toBe("unsubscribed");
    const { incident, update } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
    });
    const before = textsTo(phone).length;
    await publish(incident.id, update.id);
    expect(textsTo(phone).length).toBe(before);

    expect(await inbound("START", sign("START"))).toEqual({ action: "started", subscriptions: 1 });
    const resolved = await addUpdate(db(), incident.id, { state: "resolved", body: "Fixed." });
    await publish(incident.id, resolved.id);
    expect(textsTo(phone).at(-1)?.body).toContain("Resolved");
  });

  it("switches a number off on 21610, and waits out a 429 without spending an attempt", async () => {
    const component = await createComponent(db());
    const stopped = await subscribe("changes", [component.id]);
    const { incident, update } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
    });
    twilio.script({
      kind: "error",
      code: 21610,
      message: "Attempt to send to unsubscribed recipient",
    });
    await publish(incident.id, update.id);
    const [sub] = await db().select().from(subscribers).where(eq(subscribers.phone, stopped));
    expect(sub?.state).toBe("disabled");
    expect(sub?.disabledReason).toContain("21610");

    const later = await subscribe("changes", [component.id]);
    twilio.script({ kind: "rate_limited", retryAfterSeconds: 120 });
    const second = await addUpdate(db(), incident.id, { state: "identified", body: "Found." });
    // A moment ahead: the rows are due from the database's clock at the publish.
    const now = new Date(Date.now() + 1_000);
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: second.id }),
    );
    const result = await deliver(now);
    expect(result.deferred).toBe(1);
    const [row] = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.recipient, later))
      .orderBy(notificationOutbox.createdAt);
    const deferred = (
      await db().select().from(notificationOutbox).where(eq(notificationOutbox.recipient, later))
    ).find((r) => r.subjectId === second.id)!;
    expect(row).toBeDefined();
    expect(deferred.state).toBe("pending");
    expect(deferred.attempts).toBe(0);
    expect(deferred.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 119_000);
    await deliver(new Date(now.getTime() + 121_000));
    expect(textsTo(later).at(-1)?.body).toContain("Identified");
  });

  it("previews the text with its segment count and encoding in the composer", async () => {
    const editor = await createMember(db(), "editor");
    const component = await createComponent(db());
    await subscribe("changes", [component.id]);
    const { incident } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
    });
    const previews = await previewChatUpdate({
      ctx: editor,
      baseUrl,
      input: { incidentId: incident.id, state: "identified", body: "Ünïcode ł ".repeat(40) },
    });
    const sms = previews.find((p) => p.channel === "sms");
    expect(sms?.body.endsWith(`${baseUrl}/incidents/${incident.id}`)).toBe(true);
    expect(sms?.fields[0]?.value).toMatch(/^2 segments · UCS-2 · \d+ UCS-2 units$/);
  });

  it("lets editors add a number by API, at once or with a code", async () => {
    const editor = await createMember(db(), "editor");
    const direct = newPhone();
    const { subscriber } = await addSubscriber({
      ctx: editor,
      input: { type: "sms", phone: direct, skip_confirmation: true, sms_updates: "all" },
    });
    expect(subscriber).toMatchObject({
      kind: "sms",
      phone: direct,
      state: "active",
      smsAllUpdates: true,
    });
    await expect(
      addSubscriber({ ctx: editor, input: { type: "sms", phone: direct } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      addSubscriber({ ctx: editor, input: { type: "sms", phone: "12" } }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: { phone: expect.stringMatching(/country code/) },
    });
    const coded = newPhone();
    await addSubscriber({ ctx: editor, input: { type: "sms", phone: coded } });
    await deliver();
    expect(textsTo(coded).at(-1)?.body).toContain(
      `/subscribe/sms?phone=${encodeURIComponent(coded)}`,
    );
  });

  it("loses nothing when a worker dies holding its claim, and never resends a recorded text", async () => {
    const component = await createComponent(db());
    const phones = [
      await subscribe("changes", [component.id]),
      await subscribe("all", [component.id]),
    ];
    const { incident, update } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
    });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    const start = new Date();
    // A worker expands and claims the rows, then dies holding them before sending.
    await expandFanOuts(db());
    const claimed = await claimOutboxBatch(db(), { limit: 100, now: start, leaseMs: 30_000 });
    expect(claimed.filter((r) => phones.includes(r.recipient))).toHaveLength(2);
    // While the lease holds, another worker sends nothing.
    await deliver(new Date(start.getTime() + 1_000));
    for (const phone of phones) expect(textsTo(phone).slice(1)).toHaveLength(0);
    // After the lease, every text goes out exactly once, and again never.
    await deliver(new Date(start.getTime() + 31_000));
    await deliver(new Date(start.getTime() + 62_000));
    for (const phone of phones) expect(textsTo(phone).slice(1)).toHaveLength(1);
  });

  it("texts a stakeholder's number the internal version, on state changes", async () => {
    const editor = await createMember(db(), "editor");
    const phone = newPhone();
    await addStakeholderSms({ ctx: editor, input: { phone: phone.replace("+1", "+1 ") } });
    const { incident, update } = await createIncident(db(), {});
    await publish(incident.id, update.id);
    const routine = await addUpdate(db(), incident.id, { state: "investigating", body: "Same." });
    await publish(incident.id, routine.id);
    const resolved = await addUpdate(db(), incident.id, {
      state: "resolved",
      body: "Fixed.",
      internalNote: "Root cause: a bad deploy.",
    });
    await publish(incident.id, resolved.id);
    expect(textsTo(phone).at(-1)?.body).toContain("Internal note: Root cause: a bad deploy.");
    expect(textsTo(phone).map((t) => t.body.match(/\[Internal\] (\w+)/)?.[1])).toEqual([
      "Investigating",
      "Resolved",
    ]);
  });
});
