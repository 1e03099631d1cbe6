import { inArray } from "drizzle-orm";
import pLimit from "p-limit";
import type { Db } from "../db/client";
import { subscribers, type OutboxRow } from "../db/schema";
import { BATCH_LIMIT, type MailMessage, type MailTransport } from "../mail/transport";
import { createRenderContext } from "../notifications/render/render-context";
import { renderDelivery } from "../notifications/render/render-delivery";
import type { Delivery } from "../notifications/render/delivery";
import { postWebhook as defaultPostWebhook, type WebhookRequest } from "../webhooks/post-webhook";
import { claimOutboxBatch } from "./claim-outbox";
import { expandFanOuts } from "./expand-fan-outs";
import { markFailedAttempt, markSent, markSkipped, releaseClaim } from "./record-outcome";

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

export type BatchResult = {
  claimed: number;
  sent: number;
  retried: number;
  skipped: number;
  released: number;
};

/** Claims last this long by default: long enough for a batch, short enough that a crashed worker's rows move on soon. */
export const DEFAULT_LEASE_MS = 30_000;
const WEBHOOK_CONCURRENCY = 4;
/** No send starts this close to the end of the lease: another worker may claim the row right after. */
const LEASE_MARGIN_MS = 5_000;

/**
 * Claims one batch and delivers it. Each message is recorded as sent right after
 * its transport call returns, so a crash loses at most the messages in flight;
 * those are claimed again once the lease runs out and resent with the same
 * idempotency key (Resend drops the repeat; SMTP carries the same Message-ID).
 * A slow batch never sends past its lease: what is left is released for the next claim.
 */
export async function deliverOutboxBatch(deps: DeliveryDeps): Promise<BatchResult> {
  const now = deps.now ?? (() => new Date());
  // Publishes queue one fan-out each; their recipients become outbox rows here, before the claim.
  await expandFanOuts(deps.db);
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const claimedAt = now();
  const rows = await claimOutboxBatch(deps.db, {
    limit: deps.batchSize ?? BATCH_LIMIT,
    now: claimedAt,
    leaseMs,
  });
  const result: BatchResult = {
    claimed: rows.length,
    sent: 0,
    retried: 0,
    skipped: 0,
    released: 0,
  };
  if (rows.length === 0) return result;
  const ctx = await createRenderContext(deps.db, deps.baseUrl, now());
  const subscriberIds = [...new Set(rows.flatMap((r) => (r.subscriberId ? [r.subscriberId] : [])))];
  const subs = subscriberIds.length
    ? await deps.db.select().from(subscribers).where(inArray(subscribers.id, subscriberIds))
    : [];
  const byId = new Map(subs.map((s) => [s.id, s]));

  const mails: { row: OutboxRow; message: MailMessage }[] = [];
  const webhooks: { row: OutboxRow; request: WebhookRequest }[] = [];
  for (const row of rows) {
    const delivery: Delivery | { kind: "error"; error: unknown } = await renderDelivery(
      ctx,
      row,
      row.subscriberId ? byId.get(row.subscriberId) : undefined,
    ).catch((error: unknown) => ({ kind: "error" as const, error }));
    if (delivery.kind === "mail") mails.push({ row, message: delivery.message });
    else if (delivery.kind === "webhook")
      webhooks.push({
        row,
        request: {
          url: delivery.url,
          secret: delivery.secret,
          eventType: row.eventType,
          deliveryId: row.idempotencyKey,
          body: delivery.body,
        },
      });
    else if (delivery.kind === "skip") {
      await markSkipped(deps.db, row, delivery.reason);
      result.skipped++;
    } else {
      await markFailedAttempt(deps.db, row, delivery.error, now());
      result.retried++;
    }
  }

  const failedHooks = new Set<string>();
  const leaseEndsAt = claimedAt.getTime() + leaseMs - Math.min(LEASE_MARGIN_MS, leaseMs / 2);
  const leaseNearlyOver = () => now().getTime() >= leaseEndsAt;
  const release = async (row: OutboxRow) => {
    await releaseClaim(deps.db, row);
    result.released++;
  };
  const record = async (row: OutboxRow, attempt: Promise<void>) => {
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
  /** Sends unless the lease is nearly over (then the row goes back to the queue), and records the outcome. */
  const deliver = (row: OutboxRow, send: () => Promise<void>) =>
    leaseNearlyOver() ? release(row) : record(row, send());

  if (deps.transport.sendBatch) {
    // All-or-nothing per request: the whole chunk is recorded together.
    for (let i = 0; i < mails.length; i += BATCH_LIMIT) {
      const chunk = mails.slice(i, i + BATCH_LIMIT);
      if (leaseNearlyOver()) {
        for (const { row } of chunk) await release(row);
        continue;
      }
      const settled = deps.transport.sendBatch(chunk.map((m) => m.message)).then(
        () => null,
        (error: unknown) => error,
      );
      for (const { row } of chunk)
        await record(
          row,
          settled.then((error) => (error === null ? undefined : Promise.reject(error))),
        );
    }
  } else {
    const limit = pLimit(deps.transport.concurrency ?? 1);
    await Promise.all(
      mails.map(({ row, message }) =>
        limit(() => deliver(row, () => deps.transport.send(message))),
      ),
    );
  }
  const post = deps.postWebhook ?? defaultPostWebhook;
  // Webhooks go to customers' servers, one slow endpoint should not hold up the rest.
  const hooks = pLimit(WEBHOOK_CONCURRENCY);
  await Promise.all(
    webhooks.map(({ row, request }) => hooks(() => deliver(row, () => post(request)))),
  );
  return result;
}
