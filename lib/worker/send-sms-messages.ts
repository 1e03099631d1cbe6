import { setTimeout as delay } from "node:timers/promises";
import pLimit from "p-limit";
import type { OutboxRow } from "../db/schema";
import { SmsRefused, type SendSms, type SmsRequest } from "../sms/twilio";
import type { OutcomeRecorder } from "./outcome-recorder";

/** Texts in flight at once: Twilio queues per sender anyway, this bounds our side. */
const SMS_CONCURRENCY = 4;
/** A 429 asking for at most this long is waited out in place; longer waits go back to the queue. */
const MAX_INLINE_WAIT_MS = 5_000;

export type SmsDeliveryDeps = {
  texts: { row: OutboxRow; request: SmsRequest }[];
  send: SendSms;
  recorder: OutcomeRecorder;
  leaseEndsAt: number;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * Sends a batch's texts through Twilio. A 429 (or error 20429) is honoured
 * without spending an attempt: a short Retry-After is slept off and the text
 * sent again, a long one defers the row until then. Every other refusal is a
 * failed attempt; the recorder switches the subscription off when Twilio says
 * the number will never take texts (21610 STOP, 21211 invalid).
 */
export async function sendSmsMessages({
  texts,
  send,
  recorder,
  leaseEndsAt,
  now,
  sleep = (ms) => delay(ms),
}: SmsDeliveryDeps): Promise<void> {
  const limit = pLimit(SMS_CONCURRENCY);
  const leaseOver = (extraMs = 0) => now().getTime() + extraMs >= leaseEndsAt;
  const deliver = async ({ row, request }: { row: OutboxRow; request: SmsRequest }) => {
    for (;;) {
      if (leaseOver()) return recorder.release(row);
      try {
        const { providerMessageId } = await send(request);
        return recorder.sent(row, providerMessageId);
      } catch (error) {
        if (!(error instanceof SmsRefused && error.rateLimited)) return recorder.failed(row, error);
        const wait = error.retryAfterMs ?? 1000;
        if (wait > MAX_INLINE_WAIT_MS || leaseOver(wait))
          return recorder.defer(row, new Date(now().getTime() + wait), error.message);
        await sleep(wait);
      }
    }
  };
  await Promise.all(texts.map((text) => limit(() => deliver(text))));
}
