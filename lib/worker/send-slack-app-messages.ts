import { setTimeout as delay } from "node:timers/promises";
import pLimit from "p-limit";
import type { WebClient } from "@slack/web-api";
import type { Db } from "../db/client";
import type { OutboxRow } from "../db/schema";
import { DeliveryError } from "../mail/delivery-error";
import { deliverThreadMessage } from "../slack-app/deliver-thread-message";
import { classifySlackError, SlackRefused } from "../slack-app/slack-refusal";
import type { SlackThreadMessage } from "../slack-app/thread-message";
import type { OutcomeRecorder } from "./outcome-recorder";
import { paceChatUrl } from "./chat-pacer";

/** Slack allows about one chat.postMessage per second per channel: https://docs.slack.dev/apis/web-api/rate-limits */
const CHANNEL_INTERVAL_MS = 1_000;
const CHANNEL_CONCURRENCY = 4;
/** As for chat webhooks: a short 429 is slept off in place, a longer one goes back to the queue. */
const MAX_INLINE_WAIT_MS = 5_000;

export type SlackAppDeliveryDeps = {
  db: Db;
  items: { row: OutboxRow; message: SlackThreadMessage }[];
  /** Null when SLACK_BOT_TOKEN is unset: the rows wait for it instead of failing. */
  client: WebClient | null;
  recorder: OutcomeRecorder;
  leaseEndsAt: number;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * Slack app channels: one queue per channel, in claim order (so an incident's
 * updates reach its thread in order), paced to Slack's per-channel rate. A 429
 * defers the rest of that channel's queue until Retry-After without spending
 * attempts; a refusal that means the channel is gone switches it off.
 */
export async function sendSlackAppMessages({
  db,
  items,
  client,
  recorder,
  leaseEndsAt,
  now,
  sleep = (ms) => delay(ms),
}: SlackAppDeliveryDeps): Promise<void> {
  const queues = new Map<string, typeof items>();
  // The updates' order, not the due order: a retried first update (due later) still goes before the replies after it.
  const ordered = [...items].sort(
    (a, b) =>
      a.message.updateOrder - b.message.updateOrder ||
      a.row.createdAt.getTime() - b.row.createdAt.getTime() ||
      a.row.id.localeCompare(b.row.id),
  );
  for (const item of ordered)
    queues.set(item.message.channelId, [...(queues.get(item.message.channelId) ?? []), item]);
  const leaseOver = (extraMs = 0) => now().getTime() + extraMs >= leaseEndsAt;

  const drain = async (queue: typeof items) => {
    // Rows that found their incident's root still to be posted by a row later in this queue get
    // one more try once the queue is through (rows expanded side by side can be queued out of order).
    const waiting: { item: (typeof items)[number]; waitMs: number; reason: string }[] = [];
    const send = async (list: typeof items, retryingWaits: boolean): Promise<boolean> => {
      for (const [index, item] of list.entries()) {
        const { row, message } = item;
        if (!client) {
          const error = new DeliveryError("Slack app mode is off: SLACK_BOT_TOKEN is not set.");
          await recorder.failed(row, error);
          continue;
        }
        if (leaseOver(CHANNEL_INTERVAL_MS)) {
          for (const rest of list.slice(index)) await recorder.release(rest.row);
          return false;
        }
        for (;;) {
          await paceChatUrl(`slack-app:${message.channelId}`, CHANNEL_INTERVAL_MS, now, sleep);
          try {
            const outcome = await deliverThreadMessage({ db, client, row, message, now });
            if (outcome.sent) recorder.result.sent++;
            else if (!retryingWaits) waiting.push({ item, ...outcome });
            else
              await recorder.defer(row, new Date(now().getTime() + outcome.waitMs), outcome.reason);
            break;
          } catch (thrown) {
            const error = classifySlackError(thrown);
            if (!(error instanceof SlackRefused && error.rateLimited)) {
              await recorder.failed(row, error);
              break;
            }
            const wait = error.retryAfterMs ?? 1000;
            if (wait <= MAX_INLINE_WAIT_MS && !leaseOver(wait)) {
              await sleep(wait);
              continue;
            }
            const until = new Date(now().getTime() + wait);
            for (const rest of list.slice(index))
              await recorder.defer(rest.row, until, error.message);
            return false;
          }
        }
      }
      return true;
    };
    const finished = await send(queue, false);
    const again = waiting.map((w) => w.item);
    if (finished) await send(again, true);
    else
      for (const w of waiting)
        await recorder.defer(w.item.row, new Date(now().getTime() + w.waitMs), w.reason);
  };
  const limit = pLimit(CHANNEL_CONCURRENCY);
  await Promise.all([...queues.values()].map((queue) => limit(() => drain(queue))));
}
