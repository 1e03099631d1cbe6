import { expandFanOuts } from "./expand-fan-outs";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { openPostgres } from "../db/client";
import { incidentComponents, notificationOutbox, subscribers, type OutboxRow } from "../db/schema";
import type { MailMessage, MailTransport } from "../mail/transport";
import {
  createComponent,
  createEmailSubscriber,
  createIncident,
  recordingTransport,
} from "../notifications/test-helpers";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import { deliverOutboxBatch, type DeliveryDeps } from "./deliver-outbox";
import { MAX_ATTEMPTS } from "./retry-policy";

const baseUrl = "http://status.test";

describeEachEngine("outbox delivery", ({ db, handle, engine }) => {
  /** A fresh incident update queued for `n` new subscribers; returns its outbox rows' subject. */
  async function queueUpdate(n: number) {
    const { incident, update } = await createIncident(db());
    // Subscribers of only this update's (unique) component, so earlier tests' subscribers stay out.
    const c = await createComponent(db());
    await db()
      .insert(incidentComponents)
      .values({ incidentId: incident.id, componentId: c.id, status: "major_outage" });
    for (let i = 0; i < n; i++) await createEmailSubscriber(db(), { componentIds: [c.id] });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    await expandFanOuts(db());
    return update.id;
  }
  const rowsOf = (subjectId: string) =>
    db().select().from(notificationOutbox).where(eq(notificationOutbox.subjectId, subjectId));

  /** A provider that, like Resend, keeps one message per idempotency key. */
  function provider() {
    const byKey = new Map<string, MailMessage[]>();
    return {
      byKey,
      accept: (m: MailMessage) =>
        byKey.set(m.idempotencyKey!, [...(byKey.get(m.idempotencyKey!) ?? []), m]),
    };
  }

  async function drain(deps: DeliveryDeps) {
    while ((await deliverOutboxBatch(deps)).claimed > 0);
  }

  it("retries with growing backoff and records the final failure after the last attempt", async () => {
    const subject = await queueUpdate(1);
    const transport = recordingTransport({ failWith: () => new Error("550 mailbox unavailable") });
    let now = Date.now();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverOutboxBatch({ db: db(), transport, baseUrl, now: () => new Date(now) });
      const [row] = await rowsOf(subject);
      expect(row!.attempts).toBe(attempt);
      expect(row!.lastError).toBe("550 mailbox unavailable");
      if (attempt < MAX_ATTEMPTS) {
        expect(row!.state).toBe("pending");
        delays.push(row!.nextAttemptAt.getTime() - now);
        // Not due before its time.
        expect(
          (await deliverOutboxBatch({ db: db(), transport, baseUrl, now: () => new Date(now) }))
            .claimed,
        ).toBe(0);
        now = row!.nextAttemptAt.getTime();
      } else {
        expect(row!.state).toBe("failed");
      }
    }
    expect(delays[0]).toBeGreaterThanOrEqual(24_000);
    expect(delays.at(-1)!).toBeGreaterThan(delays[0]! * 10);
  });

  it("a worker killed mid-batch: after restart every message is delivered exactly once", async () => {
    const subject = await queueUpdate(8);
    const { byKey, accept } = provider();
    // The first worker delivers three messages, then hangs on the fourth forever (as good as killed).
    let calls = 0;
    const hanging: MailTransport = {
      name: "smtp",
      send: (m) => (++calls <= 3 ? Promise.resolve(void accept(m)) : new Promise(() => {})),
    };
    const start = Date.now();
    void deliverOutboxBatch({
      db: db(),
      transport: hanging,
      baseUrl,
      now: () => new Date(start),
      leaseMs: 60_000,
    });
    await expect.poll(() => calls, { timeout: 10_000 }).toBe(4);
    await expect
      .poll(async () => (await rowsOf(subject)).filter((r) => r.state === "sent").length)
      .toBe(3);

    // A restarted worker, before the lease runs out, leaves the claimed rows alone…
    const restarted = {
      db: db(),
      transport: { name: "smtp" as const, send: async (m: MailMessage) => void accept(m) },
      baseUrl,
    };
    expect(
      (await deliverOutboxBatch({ ...restarted, now: () => new Date(start + 30_000) })).claimed,
    ).toBe(0);
    // …and after it, delivers the rest.
    await drain({ ...restarted, now: () => new Date(start + 61_000) });
    const rows = await rowsOf(subject);
    expect(rows.every((r) => r.state === "sent")).toBe(true);
    expect([...byKey.keys()].sort()).toEqual(rows.map((r) => r.idempotencyKey).sort());
    expect([...byKey.values()].every((copies) => copies.length === 1)).toBe(true);
  });

  it("a batch slower than its lease stops sending before the lease ends and gives the rest back at once", async () => {
    const subject = await queueUpdate(6);
    let clock = Date.now();
    const sent: string[] = [];
    // A relay that takes 10 s a message: a 30 s lease covers three sends, not six.
    const slow: MailTransport = {
      name: "smtp",
      send: async (m) => void (sent.push(m.idempotencyKey!), (clock += 10_000)),
    };
    const first = await deliverOutboxBatch({
      db: db(),
      transport: slow,
      baseUrl,
      now: () => new Date(clock),
      leaseMs: 30_000,
    });
    expect(first).toMatchObject({ sent: 3, released: first.claimed - 3 });
    const left = (await rowsOf(subject)).filter((r) => r.state !== "sent");
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((r) => r.state === "pending" && r.attempts === 0)).toBe(true);
    // Another worker takes them right away, without waiting out a lease.
    await drain({
      db: db(),
      transport: slow,
      baseUrl,
      now: () => new Date(clock),
      leaseMs: 30_000,
    });
    expect((await rowsOf(subject)).every((r) => r.state === "sent")).toBe(true);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it("a message delivered but not acknowledged is resent with the same idempotency key", async () => {
    const subject = await queueUpdate(3);
    const seen: string[] = [];
    let calls = 0;
    const flaky: MailTransport = {
      name: "smtp",
      async send(m) {
        seen.push(m.idempotencyKey!);
        if (++calls === 2) throw new Error("connection reset after DATA");
      },
    };
    let now = Date.now();
    await deliverOutboxBatch({ db: db(), transport: flaky, baseUrl, now: () => new Date(now) });
    now += 3_600_000;
    await drain({ db: db(), transport: flaky, baseUrl, now: () => new Date(now) });
    const rows = await rowsOf(subject);
    expect(rows.every((r) => r.state === "sent")).toBe(true);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(3);
  });

  it("two workers draining the same outbox concurrently send each message once", async () => {
    const subject = await queueUpdate(60);
    // PostgreSQL: two separate connection pools, as two worker processes would have. PGlite is single-process.
    const other = engine === "postgres" ? await openPostgres(handle().url!, { max: 2 }) : null;
    const sends = new Map<string, number>();
    const slow = (): MailTransport => ({
      name: "smtp",
      send: async (m) => {
        await new Promise((r) => setTimeout(r, 2));
        sends.set(m.idempotencyKey!, (sends.get(m.idempotencyKey!) ?? 0) + 1);
      },
    });
    try {
      await Promise.all([
        drain({ db: db(), transport: slow(), baseUrl, batchSize: 7 }),
        drain({ db: other?.db ?? db(), transport: slow(), baseUrl, batchSize: 7 }),
      ]);
    } finally {
      await other?.close();
    }
    const rows: OutboxRow[] = await rowsOf(subject);
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.state === "sent" && r.attempts === 1)).toBe(true);
    expect(sends.size).toBe(60);
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
  });

  it("skips subscribers who left before delivery instead of sending to them", async () => {
    const subject = await queueUpdate(2);
    const [first] = await rowsOf(subject);
    await db()
      .update(subscribers)
      .set({ state: "unsubscribed" })
      .where(eq(subscribers.id, first!.subscriberId!));
    const transport = recordingTransport();
    await drain({ db: db(), transport, baseUrl });
    expect(transport.sent.map((m) => m.to)).not.toContain(first!.recipient);
    expect((await rowsOf(subject)).find((r) => r.id === first!.id)).toMatchObject({
      state: "skipped",
    });
  });
});
