import { setTimeout as delay } from "node:timers/promises";
import pLimit from "p-limit";
import type { OutboxRow } from "../db/schema";
import type { ChatChannel } from "../db/schema/enums";
import { CHAT_ADAPTERS } from "../channels/adapters";
import type { ChatRequest } from "../channels/chat-message";
import { ChatRefused } from "../channels/post-chat";
import type { OutcomeRecorder } from "./outcome-recorder";
import { paceChatUrl } from "./chat-pacer";

/** URLs of one platform posted to at once; one URL's own posts always go one at a time. */
const CHAT_CONCURRENCY = 4;
/** A 429 asking for at most this long is waited out in place (no attempt spent); longer waits go back to the queue. */
const MAX_INLINE_WAIT_MS = 5_000;

export type ChatDeliveryDeps = {
  chats: { row: OutboxRow; request: ChatRequest }[];
  post: (request: ChatRequest) => Promise<void>;
  recorder: OutcomeRecorder;
  leaseEndsAt: number;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * The one chat path for every platform: rows are queued per webhook URL and
 * sent in order, paced to the platform's per-URL rate; per platform, a few URLs
 * at a time. A 429 is honoured: a short wait is slept off and the same message
 * sent again; a long one puts this URL's remaining rows back in the queue until
 * then, without spending their attempts.
 */
export async function sendChatMessages({
  chats,
  post,
  recorder,
  leaseEndsAt,
  now,
  sleep = (ms) => delay(ms),
}: ChatDeliveryDeps): Promise<void> {
  const queues = new Map<string, { row: OutboxRow; request: ChatRequest }[]>();
  for (const chat of chats) {
    const key = `${chat.request.channel} ${chat.request.url}`;
    queues.set(key, [...(queues.get(key) ?? []), chat]);
  }
  const limits = new Map<ChatChannel, ReturnType<typeof pLimit>>();
  const limitFor = (channel: ChatChannel) => {
    if (!limits.has(channel)) limits.set(channel, pLimit(CHAT_CONCURRENCY));
    return limits.get(channel)!;
  };
  const leaseOver = (extraMs = 0) => now().getTime() + extraMs >= leaseEndsAt;

  const drain = async (queue: { row: OutboxRow; request: ChatRequest }[]) => {
    for (const [index, { row, request }] of queue.entries()) {
      const interval = CHAT_ADAPTERS[request.channel].minIntervalMs;
      if (leaseOver(interval)) {
        for (const rest of queue.slice(index)) await recorder.release(rest.row);
        return;
      }
      for (;;) {
        await paceChatUrl(request.url, interval, now, sleep);
        try {
          await post(request);
          await recorder.sent(row);
          break;
        } catch (error) {
          if (!(error instanceof ChatRefused && error.rateLimited)) {
            await recorder.failed(row, error);
            break;
          }
          const wait = error.retryAfterMs ?? 1000;
          if (wait <= MAX_INLINE_WAIT_MS && !leaseOver(wait)) {
            await sleep(wait);
            continue;
          }
          const until = new Date(now().getTime() + wait);
          for (const rest of queue.slice(index))
            await recorder.defer(rest.row, until, error.message);
          return;
        }
      }
    }
  };
  await Promise.all(
    [...queues.values()].map((queue) => limitFor(queue[0]!.request.channel)(() => drain(queue))),
  );
}
