import pLimit from "p-limit";
import type { Db } from "../db/client";
import { isAnyOf } from "../db/any-of";
import { subscribers, type OutboxRow } from "../db/schema";
import { suppressedAmong } from "../deliverability/suppressions";
import { BATCH_LIMIT, type MailMessage, type MailTransport } from "../mail/transport";
import { createRenderContext } from "../notifications/render/render-context";
import { renderDelivery } from "../notifications/render/render-delivery";
import type { Delivery } from "../notifications/render/delivery";
import { postWebhook as defaultPostWebhook, type WebhookRequest } from "../webhooks/post-webhook";
import { claimOutboxBatch } from "./claim-outbox";
import { expandFanOuts } from "./expand-fan-outs";
import { markSkippedMany } from "./record-outcome";
import { createOutcomeRecorder, type BatchResult } from "./outcome-recorder";
import { sendMailBatches } from "./send-mail-batches";
import { sendChatMessages } from "./send-chat-messages";
import { postChat as defaultPostChat } from "../channels/post-chat";
import type { ChatRequest } from "../channels/chat-message";
import type { WebClient } from "@slack/web-api";
import { configuredSlackClient } from "../slack-app/slack-client";
import type { SlackThreadMessage } from "../slack-app/thread-message";
import { sendSlackAppMessages } from "./send-slack-app-messages";
import { smsConfigured } from "../config";
import { twilioSender, type SendSms, type SmsRequest } from "../sms/twilio";
import { sendSmsMessages } from "./send-sms-messages";

export type { BatchResult } from "./outcome-recorder";

export type DeliveryDeps = {
  db: Db;
  transport: MailTransport;
  baseUrl: string;
  now?: () => Date;
  /** Rows claimed at once (default CLAIM_LIMIT). */
  batchSize?: number;
  /** How long a claim is exclusive. A worker killed mid-batch loses its rows to another after this. */
  leaseMs?: number;
  postWebhook?: (request: WebhookRequest) => Promise<void>;
  /** Posts to Slack, Teams, Discord, Google Chat or Mattermost (default: the outbound client). */
  postChat?: (request: ChatRequest) => Promise<void>;
  /** Slack app mode's Web API client (default: SLACK_BOT_TOKEN's, or none). */
  slackClient?: WebClient | null;
  /** Sends a text through Twilio (default: the configured account, or a refusal when SMS is not set up). */
  sendSms?: SendSms;
  /** Waits out a provider's Retry-After (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
};

/** Claims last this long by default: long enough for a batch, short enough that a crashed worker's rows move on soon. */
export const DEFAULT_LEASE_MS = 30_000;
/**
 * Rows claimed per round: large enough that claiming, rendering and recording
 * are a small share of a 100,000-recipient fan-out, small enough that one
 * round fits well inside the lease at the slowest transport (Resend at 2
 * batches/s: 5 requests, 2.5 s).
 */
// 100, as before issue #17's 1,000: with 1,000, new mail (a subscription confirmation) waited
// behind a whole claim of retries to an unreachable relay in the full e2e suite. Under review.
export const CLAIM_LIMIT = 100;
const WEBHOOK_CONCURRENCY = 4;
/** No send starts this close to the end of the lease: another worker may claim the row right after. */
const LEASE_MARGIN_MS = 5_000;

/**
 * Claims one batch and delivers it. Sends are recorded in chunks (one
 * statement each) as they complete, so a crash loses at most the messages in
 * flight and the chunk not yet recorded; those are claimed again once the
 * lease runs out and resent with the same idempotency key (Resend drops the
 * repeat; SMTP carries the same Message-ID). A slow batch never sends past its
 * lease: what is left is released for the next claim.
 */
export async function deliverOutboxBatch(deps: DeliveryDeps): Promise<BatchResult> {
  const now = deps.now ?? (() => new Date());
  // Publishes queue one fan-out each; their recipients become outbox rows here, before the claim.
  await expandFanOuts(deps.db);
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const claimedAt = now();
  const rows = await claimOutboxBatch(deps.db, {
    limit: deps.batchSize ?? CLAIM_LIMIT,
    now: claimedAt,
    leaseMs,
  });
  const leaseEndsAt = claimedAt.getTime() + leaseMs - Math.min(LEASE_MARGIN_MS, leaseMs / 2);
  const recorder = createOutcomeRecorder(deps.db, now, rows.length);
  if (rows.length === 0) return recorder.result;

  const ctx = await createRenderContext(deps.db, deps.baseUrl, now());
  const subscriberIds = [...new Set(rows.flatMap((r) => (r.subscriberId ? [r.subscriberId] : [])))];
  const [subs, suppressed] = await Promise.all([
    subscriberIds.length
      ? deps.db.select().from(subscribers).where(isAnyOf(subscribers.id, subscriberIds))
      : [],
    suppressedAmong(
      deps.db,
      rows.filter((r) => r.channel === "email").map((r) => r.recipient),
    ),
  ]);
  const byId = new Map(subs.map((s) => [s.id, s]));

  const mails: { row: OutboxRow; message: MailMessage }[] = [];
  const webhooks: { row: OutboxRow; request: WebhookRequest }[] = [];
  const chats: { row: OutboxRow; request: ChatRequest }[] = [];
  const slackApps: { row: OutboxRow; message: SlackThreadMessage }[] = [];
  const texts: { row: OutboxRow; request: SmsRequest }[] = [];
  const skipped = new Map<string, OutboxRow[]>();
  const skip = (row: OutboxRow, reason: string) =>
    skipped.set(reason, [...(skipped.get(reason) ?? []), row]);
  for (const row of rows) {
    const suppression =
      row.channel === "email" ? suppressed.get(row.recipient.trim().toLowerCase()) : undefined;
    if (suppression) {
      skip(row, suppression);
      continue;
    }
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
    else if (delivery.kind === "chat") chats.push({ row, request: delivery.request });
    else if (delivery.kind === "slack_app") slackApps.push({ row, message: delivery.message });
    else if (delivery.kind === "sms")
      texts.push({ row, request: { to: delivery.to, body: delivery.body } });
    else if (delivery.kind === "skip") skip(row, delivery.reason);
    else await recorder.failed(row, delivery.error);
  }
  for (const [reason, list] of skipped) {
    await markSkippedMany(deps.db, list, reason);
    recorder.result.skipped += list.length;
  }

  const leaseNearlyOver = () => now().getTime() >= leaseEndsAt;
  /** Sends unless the lease is nearly over (then the row goes back to the queue), and records the outcome. */
  const deliver = async (
    row: OutboxRow,
    send: () => Promise<{ providerMessageId?: string } | void>,
  ) => {
    if (leaseNearlyOver()) return recorder.release(row);
    try {
      const sent = await send();
      await recorder.sent(row, sent ? sent.providerMessageId : undefined);
    } catch (error) {
      await recorder.failed(row, error);
    }
  };

  if (deps.transport.sendBatch) {
    await sendMailBatches({
      mails,
      sendBatch: deps.transport.sendBatch,
      recorder,
      leaseEndsAt,
      now,
      sleep: deps.sleep,
    });
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
  await Promise.all([
    ...webhooks.map(({ row, request }) => hooks(() => deliver(row, () => post(request)))),
    sendChatMessages({
      chats,
      post: deps.postChat ?? defaultPostChat,
      recorder,
      leaseEndsAt,
      now,
      sleep: deps.sleep,
    }),
    slackApps.length
      ? sendSlackAppMessages({
          db: deps.db,
          items: slackApps,
          client: deps.slackClient === undefined ? configuredSlackClient() : deps.slackClient,
          recorder,
          leaseEndsAt,
          now,
          sleep: deps.sleep,
        })
      : undefined,
    sendSmsMessages({
      texts,
      send: deps.sendSms ?? defaultSendSms(),
      recorder,
      leaseEndsAt,
      now,
      sleep: deps.sleep,
    }),
  ]);
  await recorder.flush();
  return recorder.result;
}

export { BATCH_LIMIT };

/** Twilio when configured; otherwise texts fail (and retry) with a reason the console shows. */
function defaultSendSms(): SendSms {
  if (smsConfigured()) return twilioSender();
  return () =>
    Promise.reject(
      new Error("SMS is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM)."),
    );
}
