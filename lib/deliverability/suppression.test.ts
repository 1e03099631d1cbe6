import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { Webhook } from "svix";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createTestComponent, declareTestIncident } from "../testing/console-factories";
import { startHttpRecorder } from "../testing/http-recorder";
import { parseConfig } from "../config";
import { auditLog, notificationOutbox } from "../db/schema";
import { publishIncidentUpdate } from "../incidents/publish-incident-update";
import { getDeliveryStatus } from "../notifications/delivery-status";
import { createEmailSubscriber } from "../notifications/test-helpers";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import { deliveryTransport } from "../worker/run-worker";
import { clearSuppression, listSuppressions } from "./manage-suppressions";
import { receiveResendWebhook } from "./receive-resend-webhook";

const secret = `whsec_${randomBytes(24).toString("base64")}`;

/** What Resend's webhook sends: the event, signed by Svix. */
function signed(event: unknown, key = secret) {
  const body = JSON.stringify(event);
  const id = `msg_${randomBytes(8).toString("hex")}`;
  const at = new Date();
  return {
    body,
    headers: {
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": new Webhook(key).sign(id, at, body),
    },
  };
}

describeEachEngine("bounces and complaints", ({ db }) => {
  let resend: Awaited<ReturnType<typeof startHttpRecorder>>;
  /** Addresses in each batch request the stand-in received. */
  const batches: string[][] = [];
  beforeAll(async () => {
    resend = await startHttpRecorder((req) => {
      const items = JSON.parse(req.body) as { to: string }[];
      batches.push(items.map((m) => m.to));
      return { status: 200, body: { data: items.map((m) => ({ id: `re_${m.to}` })), errors: [] } };
    });
  });
  afterAll(async () => resend.close());

  it("a hard bounce is never mailed again, the console says why, and only an owner can clear it", async () => {
    const [owner, editor] = [await createMember(db(), "owner"), await createMember(db(), "editor")];
    const api = await createTestComponent(db());
    const tag = randomBytes(4).toString("hex");
    const gone = `gone-${tag}@example.test`;
    await createEmailSubscriber(db(), { componentIds: [api.id], email: gone });
    const fine = await createEmailSubscriber(db(), {
      componentIds: [api.id],
      email: `fine-${tag}@example.test`,
    });
    const transport = await deliveryTransport(
      parseConfig({
        RESEND_API_KEY: "re_test",
        RESEND_BASE_URL: resend.url,
        RESEND_RATE_LIMIT: "50",
      }),
      db(),
    );
    const deliver = async () => {
      while ((await deliverOutboxBatch({ db: db(), transport, baseUrl: "http://s.test" })).claimed);
    };
    const publish = (body: string) =>
      publishIncidentUpdate({ ctx: editor, input: { incidentId, state: "identified", body } });

    const { incident, update: first } = await declareTestIncident(editor, {
      components: [{ componentId: api.id, status: "major_outage" }],
    });
    const incidentId = incident.id;
    await deliver();

    // Resend reports one delivered and the other bounced for good.
    await receiveResendWebhook({
      db: db(),
      secret,
      ...signed({
        type: "email.delivered",
        created_at: new Date().toISOString(),
        data: { email_id: `re_${fine.email}`, to: [fine.email] },
      }),
    });
    const bounce = {
      type: "email.bounced",
      created_at: new Date().toISOString(),
      data: {
        email_id: `re_${gone}`,
        to: [gone],
        bounce: { type: "Permanent", subType: "General", message: "Mailbox does not exist" },
      },
    };
    // A forged event changes nothing…
    await expect(
      receiveResendWebhook({
        db: db(),
        secret,
        ...signed(bounce, `whsec_${randomBytes(24).toString("base64")}`),
      }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await listSuppressions({ ctx: owner })).map((s) => s.email)).not.toContain(gone);
    // …the signed one suppresses the address.
    await receiveResendWebhook({ db: db(), secret, ...signed(bounce) });

    const [firstStatus] = await getDeliveryStatus({ ctx: editor, subjectIds: [first.id] });
    const publicEmail = firstStatus!.channels.find(
      (c) => c.channel === "email" && c.audience === "public",
    )!;
    expect(publicEmail).toMatchObject({ sent: 2, delivered: 1 });

    // The next update skips the address, and says why.
    const before = batches.length;
    const { update: second } = await publish("We found the cause.");
    await deliver();
    expect(batches.slice(before).flat()).toContain(fine.email);
    expect(batches.slice(before).flat()).not.toContain(gone);
    const [secondStatus] = await getDeliveryStatus({ ctx: editor, subjectIds: [second.id] });
    const skip = secondStatus!.skips.find((s) => s.recipient === gone)!;
    expect(skip.reason).toMatch(/hard-bounced/);
    const listed = (await listSuppressions({ ctx: editor })).find((s) => s.email === gone);
    expect(listed).toMatchObject({ reason: "bounced", source: "resend" });
    expect(listed!.detail).toContain("Mailbox does not exist");

    // Editors cannot clear it; an owner can (audited), and the address is mailed again.
    await expect(clearSuppression({ ctx: editor, input: { email: gone } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await clearSuppression({ ctx: owner, input: { email: gone.toUpperCase() } });
    const audited = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "suppression.cleared"), eq(auditLog.targetId, gone)));
    expect(audited).toHaveLength(1);
    const { update: third } = await publish("A fix is rolling out.");
    await deliver();
    const [row] = await db()
      .select()
      .from(notificationOutbox)
      .where(
        and(eq(notificationOutbox.subjectId, third.id), eq(notificationOutbox.recipient, gone)),
      );
    expect(row!.state).toBe("sent");
  });

  it("a complaint suppresses too; a soft bounce does not", async () => {
    const owner = await createMember(db(), "owner");
    const tag = randomBytes(4).toString("hex");
    const event = (type: string, to: string, bounceType?: string) =>
      signed({
        type,
        created_at: new Date().toISOString(),
        data: {
          email_id: `re_${to}`,
          to: [to],
          ...(bounceType
            ? { bounce: { type: bounceType, subType: "MailboxFull", message: "Full" } }
            : {}),
        },
      });
    await receiveResendWebhook({
      db: db(),
      secret,
      ...event("email.complained", `spam-${tag}@x.test`),
    });
    await receiveResendWebhook({
      db: db(),
      secret,
      ...event("email.bounced", `full-${tag}@x.test`, "Transient"),
    });
    const list = await listSuppressions({ ctx: owner });
    expect(list.find((s) => s.email === `spam-${tag}@x.test`)?.reason).toBe("complained");
    expect(list.map((s) => s.email)).not.toContain(`full-${tag}@x.test`);
  });
});
