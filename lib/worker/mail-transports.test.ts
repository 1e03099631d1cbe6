import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { startHttpRecorder } from "../testing/http-recorder";
import { startSmtpSink, sentTo, type SmtpSink } from "../testing/smtp-sink";
import { parseConfig } from "../config";
import { eq } from "drizzle-orm";
import { devMailbox, notificationOutbox } from "../db/schema";
import {
  createComponent,
  createEmailSubscriber,
  createIncident,
  createStakeholder,
} from "../notifications/test-helpers";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import { messageIdFor } from "../mail/transport";
import { deliverOutboxBatch } from "./deliver-outbox";
import { deliveryTransport } from "./run-worker";

const baseUrl = "http://status.test";

describeEachEngine("mail transports", ({ db }) => {
  let resend: Awaited<ReturnType<typeof startHttpRecorder>>;
  let smtp: SmtpSink;
  beforeAll(async () => {
    resend = await startHttpRecorder((req) => ({
      status: 200,
      body:
        req.path === "/emails/batch"
          ? { data: JSON.parse(req.body).map((_: unknown, i: number) => ({ id: `email-${i}` })) }
          : { id: "email" },
    }));
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    await resend.close();
    await smtp.close();
  });

  /** An update for two subscribers of a fresh component and one stakeholder. */
  async function queueUpdate() {
    const c = await createComponent(db(), "API");
    const subs = [
      await createEmailSubscriber(db(), { componentIds: [c.id] }),
      await createEmailSubscriber(db(), { componentIds: [c.id] }),
    ];
    const exec = await createStakeholder(db());
    const { incident, update } = await createIncident(db(), {
      affected: { [c.id]: "major_outage" },
      title: "Checkout failures",
      update: {
        body: "Payments fail for **some** cards.",
        internalNote: "Escalated to the payments vendor.",
        businessImpact: "About 20% of orders.",
        nextUpdateBy: new Date(Date.now() + 30 * 60_000),
      },
    });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    return { subs, exec };
  }
  const drain = async (transport: Awaited<ReturnType<typeof deliveryTransport>>) => {
    while ((await deliverOutboxBatch({ db: db(), transport, baseUrl })).claimed > 0);
  };

  it("Resend: one batch request with an Idempotency-Key, one-click unsubscribe headers per subscriber email", async () => {
    const { subs, exec } = await queueUpdate();
    await drain(
      await deliveryTransport(
        parseConfig({
          RESEND_API_KEY: "re_test",
          RESEND_BASE_URL: resend.url,
          MAIL_FROM: "Status <status@acme.test>",
        }),
        db(),
      ),
    );
    const batch = resend.requests.find((r) => r.path === "/emails/batch")!;
    expect(batch.headers.authorization).toBe("Bearer re_test");
    expect(batch.headers["idempotency-key"]).toMatch(/^batch-[0-9a-f]{48}$/);
    const emails = JSON.parse(batch.body) as {
      from: string;
      to: string;
      subject: string;
      html: string;
      headers?: Record<string, string>;
    }[];
    expect(emails.map((e) => e.to).sort()).toEqual(
      [...subs.map((s) => s.email), exec.email].sort(),
    );
    const toSubscriber = emails.find((e) => e.to === subs[0]!.email)!;
    expect(toSubscriber).toMatchObject({
      from: "Status <status@acme.test>",
      subject: "[Status] Investigating: Checkout failures",
    });
    expect(toSubscriber.headers).toMatchObject({
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Unsubscribe": expect.stringMatching(
        /^<http:\/\/status\.test\/api\/subscriptions\/unsubscribe\?token=/,
      ),
    });
    expect(toSubscriber.html).not.toContain("Escalated to the payments vendor");
    const toExec = emails.find((e) => e.to === exec.email)!;
    expect(toExec.subject).toBe("[Internal] Investigating: Checkout failures");
    expect(toExec.html).toContain("Escalated to the payments vendor");
    expect(toExec.headers?.["List-Unsubscribe"]).toBeUndefined();
  });

  it("SMTP: real messages with the body, next-update time, links and a deterministic Message-ID", async () => {
    const { subs } = await queueUpdate();
    await drain(
      await deliveryTransport(
        parseConfig({
          SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
          MAIL_FROM: "Status <status@acme.test>",
        }),
        db(),
      ),
    );
    const mail = await smtp.waitFor((m) => sentTo(m, subs[1]!.email!));
    expect(mail.subject).toBe("[Status] Investigating: Checkout failures");
    expect(mail.text).toContain("Payments fail for some cards.");
    expect(mail.text).toMatch(/Next update by:? \d\d:\d\d UTC/);
    expect(mail.html).toContain("<strong>some</strong>");
    // mailparser folds List-* headers into one "list" entry.
    expect(mail.headers.get("list")).toMatchObject({
      unsubscribe: {
        url: expect.stringMatching(
          /^http:\/\/status\.test\/api\/subscriptions\/unsubscribe\?token=/,
        ),
      },
      "unsubscribe-post": { name: "List-Unsubscribe=One-Click" },
    });
    expect(mail.text).toMatch(/Unsubscribe/);
    // Derived from the outbox row's key: a resend after a crash carries the same Message-ID.
    const [row] = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.recipient, subs[1]!.email!));
    expect(mail.messageId).toBe(messageIdFor(row!.idempotencyKey, "status@acme.test"));
  });

  it("neither configured: mail lands in the development mailbox, once per message", async () => {
    const { subs } = await queueUpdate();
    const transport = await deliveryTransport(parseConfig({}), db());
    expect(transport.name).toBe("dev");
    await drain(transport);
    const kept = await db().select().from(devMailbox);
    expect(kept.filter((m) => m.to === subs[0]!.email)).toHaveLength(1);
    expect(kept.find((m) => m.to === subs[0]!.email)!.headers["List-Unsubscribe-Post"]).toBe(
      "List-Unsubscribe=One-Click",
    );
  });
});
