import { eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { startHttpRecorder, type RecordedRequest } from "../testing/http-recorder";
import { parseConfig } from "../config";
import { notificationOutbox } from "../db/schema";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import {
  createComponent,
  createEmailSubscriber,
  createIncident,
} from "../notifications/test-helpers";
import { deliverOutboxBatch } from "../worker/deliver-outbox";
import { deliveryTransport } from "../worker/run-worker";
import { createMailTransport } from "./transport";

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type BatchItem = { to: string };

/** Resend's batch endpoint as it behaves: ids for accepted messages, in order, and per-message errors in permissive mode. */
function acceptBatch(req: RecordedRequest, refuse: (to: string) => string | null = () => null) {
  const items = JSON.parse(req.body) as BatchItem[];
  const errors = items.flatMap((m, index) => {
    const reason = refuse(m.to);
    return reason ? [{ index, message: reason }] : [];
  });
  const data = items
    .filter((_, i) => !errors.some((e) => e.index === i))
    .map((m) => ({ id: `re_${m.to}` }));
  return { status: 200, body: { data, errors } };
}

describeEachEngine("Resend as it behaves", ({ db }) => {
  let closeStandIn: (() => Promise<void>) | undefined;
  afterEach(async () => closeStandIn?.());

  async function standIn(respond: (req: RecordedRequest) => Reply) {
    const server = await startHttpRecorder(respond);
    closeStandIn = server.close;
    return server;
  }
  async function queue(n: number) {
    const c = await createComponent(db());
    const subs = [];
    for (let i = 0; i < n; i++)
      subs.push(await createEmailSubscriber(db(), { componentIds: [c.id] }));
    const { incident, update } = await createIncident(db(), {
      affected: { [c.id]: "major_outage" },
    });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    return { subs, updateId: update.id };
  }
  const rowsOf = (subjectId: string) =>
    db().select().from(notificationOutbox).where(eq(notificationOutbox.subjectId, subjectId));
  async function drain(url: string, extra: Record<string, string> = {}) {
    const transport = await deliveryTransport(
      parseConfig({ RESEND_API_KEY: "re_test", RESEND_BASE_URL: url, ...extra }),
      db(),
    );
    while ((await deliverOutboxBatch({ db: db(), transport, baseUrl: "http://s.test" })).claimed);
  }

  it("a 429 with Retry-After is waited out and the same batch resent, costing no attempt", async () => {
    const { updateId } = await queue(3);
    let batches = 0;
    const resend = await standIn((req) => {
      if (req.path !== "/emails/batch") return { status: 404 };
      if (++batches === 1)
        return {
          status: 429,
          headers: { "retry-after": "1" },
          body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
        };
      return acceptBatch(req);
    });
    await drain(resend.url);
    const requests = resend.requests.filter((r) => r.path === "/emails/batch");
    expect(requests).toHaveLength(2);
    expect(requests[1]!.headers["idempotency-key"]).toBe(requests[0]!.headers["idempotency-key"]);
    const rows = (await rowsOf(updateId)).filter((r) => r.audience === "public");
    expect(rows.map((r) => [r.state, r.attempts])).toEqual(rows.map(() => ["sent", 1]));
  });

  it("one refused message in a batch fails alone; the others are sent with Resend's ids kept", async () => {
    const { subs, updateId } = await queue(3);
    const bad = subs[1]!.email!;
    const resend = await standIn((req) =>
      req.path === "/emails/batch"
        ? acceptBatch(req, (to) => (to === bad ? "Invalid `to` field." : null))
        : { status: 404 },
    );
    await drain(resend.url);
    expect(resend.requests.every((r) => r.headers["x-batch-validation"] === "permissive")).toBe(
      true,
    );
    const rows = (await rowsOf(updateId)).filter((r) => r.audience === "public");
    const refused = rows.find((r) => r.recipient === bad)!;
    expect(refused).toMatchObject({ state: "failed", attempts: 1 });
    expect(refused.lastError).toContain("Invalid `to` field.");
    for (const row of rows.filter((r) => r.recipient !== bad))
      expect(row).toMatchObject({ state: "sent", providerMessageId: `re_${row.recipient}` });
  });

  it("requests are paced to RESEND_RATE_LIMIT: each batch request waits for its slot", async () => {
    await queue(250);
    const resend = await standIn((req) => acceptBatch(req));
    const waits: number[] = [];
    // One request per 100 s: every request after the first must wait, however slow the machine.
    const transport = (await createMailTransport(
      parseConfig({
        RESEND_API_KEY: "re_test",
        RESEND_BASE_URL: resend.url,
        RESEND_RATE_LIMIT: "0.01",
      }),
      { pacing: { sleep: async (ms) => void waits.push(ms) } },
    ))!;
    while ((await deliverOutboxBatch({ db: db(), transport, baseUrl: "http://s.test" })).claimed);
    const requests = resend.requests.filter((r) => r.path === "/emails/batch").length;
    expect(requests).toBeGreaterThanOrEqual(3);
    expect(waits).toHaveLength(requests - 1);
    expect(waits.every((ms) => ms > 90_000)).toBe(true);
  });
});
