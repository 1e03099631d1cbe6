import { inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { subscribers, type OutboxRow } from "../db/schema";
import { BATCH_LIMIT, type MailMessage, type MailTransport } from "../mail/transport";
import { createRenderContext } from "../notifications/render/render-context";
import { renderDelivery } from "../notifications/render/render-delivery";
import type { Delivery } from "../notifications/render/delivery";
import { postWebhook as defaultPostWebhook, type WebhookRequest } from "../webhooks/post-webhook";
import { claimOutboxBatch } from "./claim-outbox";
import { markFailedAttempt, markSent, markSkipped } from "./record-outcome";

export type DeliveryDeps = {
  db: Db;
  transport: MailTransport;
  baseUrl: string;
  now?: () => Date;
  batchSize?: number;
  /** How long a claim is exclusive. A worker killed mid-batch loses its rows to another after this. */
  leaseMs?: number;
  postWebhook?: (request: WebhookRequest) => Promise<void>;
};

export type BatchResult = { claimed: number; sent: number; retried: number; skipped: number };

/**
 * Claims one batch and delivers it. Each message is recorded as sent right after
 * its transport call returns, so a crash loses at most the messages in flight;
 * those are claimed again once the lease runs out and resent with the same
 * idempotency key (Resend drops the repeat; SMTP carries the same Message-ID).
 */
export async function deliverOutboxBatch(deps: DeliveryDeps): Promise<BatchResult> {
  const now = deps.now ?? (() => new Date());
  const rows = await claimOutboxBatch(deps.db, { limit: deps.batchSize ?? BATCH_LIMIT, now: now(), leaseMs: deps.leaseMs ?? 120_000 });
  const result: BatchResult = { claimed: rows.length, sent: 0, retried: 0, skipped: 0 };
  if (rows.length === 0) return result;
  const ctx = await createRenderContext(deps.db, deps.baseUrl, now());
  const subscriberIds = [...new Set(rows.flatMap((r) => (r.subscriberId ? [r.subscriberId] : [])))];
  const subs = subscriberIds.length ? await deps.db.select().from(subscribers).where(inArray(subscribers.id, subscriberIds)) : [];
  const byId = new Map(subs.map((s) => [s.id, s]));

  const mails: { row: OutboxRow; message: MailMessage }[] = [];
  const webhooks: { row: OutboxRow; request: WebhookRequest }[] = [];
  for (const row of rows) {
    const delivery: Delivery | { kind: "error"; error: unknown } = await renderDelivery(ctx, row, row.subscriberId ? byId.get(row.subscriberId) : undefined).catch((error: unknown) => ({ kind: "error" as const, error }));
    if (delivery.kind === "mail") mails.push({ row, message: delivery.message });
    else if (delivery.kind === "webhook") webhooks.push({ row, request: { url: delivery.url, secret: delivery.secret, eventType: row.eventType, deliveryId: row.idempotencyKey, body: delivery.body } });
    else if (delivery.kind === "skip") {
      await markSkipped(deps.db, row, delivery.reason);
      result.skipped++;
    } else {
      await markFailedAttempt(deps.db, row, delivery.error, now());
      result.retried++;
    }
  }

  const failedHooks = new Set<string>();
  const outcome = async (row: OutboxRow, attempt: Promise<void>) => {
    try {
      await attempt;
      await markSent(deps.db, row, now());
      result.sent++;
    } catch (error) {
      const firstForHook = !row.subscriberId || !failedHooks.has(row.subscriberId);
      if (row.subscriberId) failedHooks.add(row.subscriberId);
      await markFailedAttempt(deps.db, row, error, now(), { countAgainstWebhook: firstForHook });
      result.retried++;
    }
  };
  if (deps.transport.sendBatch) {
    // All-or-nothing per request: the whole chunk is recorded together.
    for (let i = 0; i < mails.length; i += BATCH_LIMIT) {
      const chunk = mails.slice(i, i + BATCH_LIMIT);
      const request = deps.transport.sendBatch(chunk.map((m) => m.message));
      const settled = request.then(() => null, (error: unknown) => error);
      for (const { row } of chunk) await outcome(row, settled.then((error) => (error === null ? undefined : Promise.reject(error))));
    }
  } else {
    for (const { row, message } of mails) await outcome(row, deps.transport.send(message));
  }
  const post = deps.postWebhook ?? defaultPostWebhook;
  for (const { row, request } of webhooks) await outcome(row, post(request));
  return result;
}
