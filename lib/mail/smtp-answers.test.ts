import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { parseConfig } from "../config";
import { emailSuppressions, notificationOutbox } from "../db/schema";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import {
  createComponent,
  createEmailSubscriber,
  createIncident,
} from "../notifications/test-helpers";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import { createMailTransport } from "./transport";

/** A relay that refuses `gone-…` for good (550) and `busy-…` for now (450). */
async function startPickyRelay() {
  const accepted: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      const refuse = (code: number, text: string) =>
        callback(Object.assign(new Error(text), { responseCode: code }));
      if (address.address.startsWith("gone-")) return refuse(550, "5.1.1 No such user");
      if (address.address.startsWith("busy-")) return refuse(450, "4.2.1 Mailbox busy, try later");
      callback();
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        accepted.push(session.envelope.rcptTo[0]!.address);
        callback();
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, accepted, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describeEachEngine("SMTP answers", ({ db }) => {
  let relay: Awaited<ReturnType<typeof startPickyRelay>>;
  beforeAll(async () => void (relay = await startPickyRelay()));
  afterAll(async () => relay.close());

  it("a permanent 5xx is a bounce: failed at once and suppressed; a 4xx is retried later", async () => {
    const c = await createComponent(db());
    const tag = Math.random().toString(36).slice(2, 8);
    const ok = await createEmailSubscriber(db(), {
      componentIds: [c.id],
      email: `ok-${tag}@example.test`,
    });
    const gone = await createEmailSubscriber(db(), {
      componentIds: [c.id],
      email: `gone-${tag}@example.test`,
    });
    const busy = await createEmailSubscriber(db(), {
      componentIds: [c.id],
      email: `busy-${tag}@example.test`,
    });
    const { incident, update } = await createIncident(db(), {
      affected: { [c.id]: "major_outage" },
    });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    const transport = (await createMailTransport(
      parseConfig({ SMTP_URL: `smtp://127.0.0.1:${relay.port}` }),
    ))!;
    while ((await deliverOutboxBatch({ db: db(), transport, baseUrl: "http://s.test" })).claimed);

    const rows = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.subjectId, update.id));
    const of = (email: string | null) => rows.find((r) => r.recipient === email)!;
    expect(of(ok.email)).toMatchObject({ state: "sent" });
    expect(of(gone.email)).toMatchObject({ state: "failed", attempts: 1 });
    expect(of(gone.email).lastError).toContain("550");
    expect(of(busy.email)).toMatchObject({ state: "pending", attempts: 1 });
    expect(of(busy.email).nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    const suppressed = await db().select().from(emailSuppressions);
    expect(suppressed.map((s) => s.email)).toContain(gone.email);
    expect(suppressed.map((s) => s.email)).not.toContain(busy.email);
    expect(suppressed.find((s) => s.email === gone.email)).toMatchObject({
      reason: "bounced",
      source: "smtp",
    });
    expect(relay.accepted).toContain(ok.email);
  });
});
