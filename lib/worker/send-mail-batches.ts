import { setTimeout as delay } from "node:timers/promises";
import type { OutboxRow } from "../db/schema";
import { DeliveryError } from "../mail/delivery-error";
import { BATCH_LIMIT, type MailMessage, type MailTransport } from "../mail/transport";
import type { OutcomeRecorder } from "./outcome-recorder";

/**
 * Batch delivery (Resend): BATCH_LIMIT messages per request. Each message's
 * own outcome is recorded (a batch may refuse one address and accept the
 * rest). A rate-limited request waits out Retry-After and is sent again with
 * the same idempotency key, costing no attempt; if the wait would run past the
 * lease, the rows go back to the queue unspent instead.
 */
export async function sendMailBatches({
  mails,
  sendBatch,
  recorder,
  leaseEndsAt,
  now,
  sleep = (ms) => delay(ms),
}: {
  mails: { row: OutboxRow; message: MailMessage }[];
  sendBatch: NonNullable<MailTransport["sendBatch"]>;
  recorder: OutcomeRecorder;
  leaseEndsAt: number;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
}): Promise<void> {
  for (let i = 0; i < mails.length; i += BATCH_LIMIT) {
    const chunk = mails.slice(i, i + BATCH_LIMIT);
    const outcomes = await sendChunk(chunk, { sendBatch, leaseEndsAt, now, sleep });
    if (outcomes === "release") {
      for (const { row } of chunk) await recorder.release(row);
      continue;
    }
    if (outcomes instanceof Error) {
      for (const { row } of chunk) await recorder.failed(row, outcomes);
      continue;
    }
    for (const [index, { row }] of chunk.entries()) {
      const outcome = outcomes[index];
      if (outcome?.ok) await recorder.sent(row, outcome.providerMessageId);
      else await recorder.failed(row, outcome?.error ?? new Error("No answer for this message."));
    }
    await recorder.flush();
  }
}

async function sendChunk(
  chunk: { row: OutboxRow; message: MailMessage }[],
  {
    sendBatch,
    leaseEndsAt,
    now,
    sleep,
  }: {
    sendBatch: NonNullable<MailTransport["sendBatch"]>;
    leaseEndsAt: number;
    now: () => Date;
    sleep: (ms: number) => Promise<void>;
  },
) {
  for (;;) {
    if (now().getTime() >= leaseEndsAt) return "release" as const;
    try {
      return await sendBatch(chunk.map((m) => m.message));
    } catch (error) {
      const wait = error instanceof DeliveryError ? error.retryAfterMs : null;
      if (wait === null) return error instanceof Error ? error : new Error(String(error));
      if (now().getTime() + wait >= leaseEndsAt) return "release" as const;
      await sleep(wait);
    }
  }
}
