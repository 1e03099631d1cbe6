import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { anonymousActor } from "../context";
import { newId } from "../ids";
import { subscribers, subscriberTokens } from "../db/schema";
import {
  createComponent,
  createEmailSubscriber,
  createIncident,
  outboxRows,
  recordingTransport,
} from "../notifications/test-helpers";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import { confirmSubscription } from "./confirm-subscription";
import {
  getSubscription,
  RESUBSCRIBE,
  unsubscribe,
  updateSubscriptionPreferences,
} from "./manage-subscription";
import { SUBSCRIBE_ANSWER, subscribeByEmail } from "./subscribe-by-email";
import { hashToken } from "./tokens";
import { limitClient } from "./rate-limit";

const HOUR = 3_600_000;

describeEachEngine("email subscriptions", ({ db }) => {
  const ctx = () => ({ db: db(), actor: anonymousActor });
  const subscribe = (input: Record<string, unknown>, now?: Date) =>
    subscribeByEmail({ ctx: ctx(), input, clientKey: `test-${newId()}`, now });
  /** Delivers the outbox and returns the confirmation link's token from the email itself. */
  async function mailedLink(email: string, path: string) {
    const transport = recordingTransport();
    await deliverOutboxBatch({ db: db(), transport, baseUrl: "http://status.test" });
    const mail = transport.sent.find((m) => m.to === email);
    const link = mail?.html.match(
      new RegExp(`href="(http://status\\.test${path}\\?token=[^"]+)"`),
    )?.[1];
    return {
      mail,
      token: link
        ? decodeURIComponent(new URL(link.replaceAll("&amp;", "&")).searchParams.get("token")!)
        : undefined,
    };
  }

  it("double opt-in: pending until the emailed link is used; the token is stored only as a hash", async () => {
    const email = `new-${newId()}@example.test`;
    expect(await subscribe({ email })).toEqual({ message: SUBSCRIBE_ANSWER });
    const [pending] = await db().select().from(subscribers).where(eq(subscribers.email, email));
    expect(pending!.state).toBe("pending");

    const { mail, token } = await mailedLink(email, "/subscribe/confirm");
    expect(mail!.subject).toMatch(/^Confirm your subscription/);
    expect(mail!.text).toContain("expires in 48 hours");
    const [stored] = await db()
      .select()
      .from(subscriberTokens)
      .where(eq(subscriberTokens.subscriberId, pending!.id));
    expect(stored!.tokenHash).toBe(hashToken(token!));
    expect(stored!.tokenHash).not.toContain(token!);
    // Once sent, the outbox no longer holds the link.
    const row = (await outboxRows(db())).find((r) => r.recipient === email)!;
    expect(JSON.stringify(row.payload)).not.toContain(token!);

    const confirmed = await confirmSubscription({ ctx: ctx(), input: { token } });
    expect(confirmed.email).toBe(email);
    const [active] = await db().select().from(subscribers).where(eq(subscribers.email, email));
    expect(active!.state).toBe("active");
    // A second click on the same link still reads as confirmed.
    await expect(confirmSubscription({ ctx: ctx(), input: { token } })).resolves.toMatchObject({
      email,
    });
  });

  it("refuses an expired or forged confirmation link", async () => {
    const email = `late-${newId()}@example.test`;
    await subscribe({ email });
    const { token } = await mailedLink(email, "/subscribe/confirm");
    await expect(
      confirmSubscription({ ctx: ctx(), input: { token }, now: new Date(Date.now() + 49 * HOUR) }),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      confirmSubscription({ ctx: ctx(), input: { token: token!.slice(0, -2) + "xx" } }),
    ).rejects.toMatchObject({ code: "invalid" });
    const [row] = await db().select().from(subscribers).where(eq(subscribers.email, email));
    expect(row!.state).toBe("pending");
  });

  it("answers an existing subscriber exactly like a new one, and does not change their choice", async () => {
    const api = await createComponent(db(), "API");
    const existing = await createEmailSubscriber(db(), { componentIds: [api.id] });
    const answer = await subscribe({ email: existing.email!, scope: "all" });
    expect(answer).toEqual(await subscribe({ email: `fresh-${newId()}@example.test` }));
    const [after] = await db().select().from(subscribers).where(eq(subscribers.id, existing.id));
    expect(after!.allComponents).toBe(false);
    // They get a note with a manage link, not a second opt-in.
    const { mail, token } = await mailedLink(existing.email!, "/subscribe/manage");
    expect(mail!.subject).toMatch(/^Your subscription/);
    expect(token).toBeTruthy();
  });

  it("after one-click unsubscribe, an old manage link cannot re-subscribe; only a new double opt-in does", async () => {
    const api = await createComponent(db(), "API");
    const email = `leaver-${newId()}@example.test`;
    await subscribe({ email });
    const { token } = await mailedLink(email, "/subscribe/confirm");
    const { manageToken } = await confirmSubscription({ ctx: ctx(), input: { token } });
    // The "already subscribed" note is a subscriber email too: it carries the one-click headers.
    await subscribe({ email });
    const { mail } = await mailedLink(email, "/subscribe/manage");
    expect(mail!.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

    const oneClick = new URL((await getOneClickUrl(email))!);
    await unsubscribe({ ctx: ctx(), input: { token: oneClick.searchParams.get("token") } });
    expect(await getSubscription({ ctx: ctx(), input: { token: manageToken } })).toEqual({
      email,
      active: false,
      allComponents: true,
      componentIds: [],
    });

    // Whoever holds an old email (or its manage link) cannot turn the address back on.
    await expect(
      updateSubscriptionPreferences({
        ctx: ctx(),
        input: { token: manageToken, scope: "some", componentIds: [api.id] },
      }),
    ).rejects.toMatchObject({ code: "invalid", message: RESUBSCRIBE });
    const [row] = await db().select().from(subscribers).where(eq(subscribers.email, email));
    expect(row).toMatchObject({ state: "unsubscribed", allComponents: true });

    // Subscribing again is pending until the new link is confirmed.
    await subscribe({ email, scope: "some", componentIds: [api.id] });
    await expect(
      updateSubscriptionPreferences({ ctx: ctx(), input: { token: manageToken, scope: "all" } }),
    ).rejects.toMatchObject({ message: RESUBSCRIBE });
    const { token: again } = await mailedLink(email, "/subscribe/confirm");
    await confirmSubscription({ ctx: ctx(), input: { token: again } });
    expect(await getSubscription({ ctx: ctx(), input: { token: manageToken } })).toMatchObject({
      active: true,
      allComponents: false,
      componentIds: [api.id],
    });
  });

  async function getOneClickUrl(email: string) {
    const { incident, update } = await createIncident(db());
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    const transport = recordingTransport();
    await deliverOutboxBatch({ db: db(), transport, baseUrl: "http://status.test" });
    const mail = transport.sent.find((m) => m.to === email)!;
    expect(mail.headers!["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.text).toMatch(/Unsubscribe/);
    return mail.headers!["List-Unsubscribe"]!.match(/^<(.+)>$/)?.[1];
  }

  it("rejects a malformed address with a field error", async () => {
    await expect(subscribe({ email: "not-an-address" })).rejects.toMatchObject({
      code: "invalid",
      fields: { email: expect.any(String) },
    });
  });
});

describe("subscribe rate limit", () => {
  it("refuses the eleventh attempt from one client within ten minutes", async () => {
    const key = `client-${newId()}`;
    for (let i = 0; i < 10; i++) await limitClient(key);
    await expect(limitClient(key)).rejects.toMatchObject({ code: "rate_limited" });
  });
});
