import { and, count, eq, gt, max } from "drizzle-orm";
import type { Db } from "../../lib/db/client";
import { notificationOutbox as outbox } from "../../lib/db/schema";
import { messageIdFor } from "../../lib/mail/transport";
import type { CountingSmtpSink } from "./counting-smtp-sink";

export type OutboxStates = {
  sent: number;
  failed: number;
  skipped: number;
  pending: number;
  sending: number;
};

export type Tally = {
  /** Outbox rows the publish wrote: the recipients that should hear. */
  expected: number;
  /** Recipients that got at least one copy. */
  delivered: number;
  /** Copies beyond the first, all recipients together. */
  duplicated: number;
  /** Recipients that got none. */
  lost: number;
  /** Messages at the sink that belong to no outbox row of this update (a Message-ID not derived from its key). */
  stray: number;
  /** Messages whose envelope recipient is not the row's recipient. */
  misaddressed: number;
  outbox: OutboxStates;
  /** Rows claimed more than once (their worker died holding them), and the most claims of any row. */
  reclaimedRows: number;
  maxAttempts: number;
};

export async function outboxStates(db: Db, subjectId: string): Promise<OutboxStates> {
  const rows = await db
    .select({ state: outbox.state, n: count() })
    .from(outbox)
    .where(eq(outbox.subjectId, subjectId))
    .groupBy(outbox.state);
  const states: OutboxStates = { sent: 0, failed: 0, skipped: 0, pending: 0, sending: 0 };
  for (const r of rows) states[r.state] = r.n;
  return states;
}

/**
 * Matches what the sink received against the update's outbox rows. The worker
 * gives each SMTP message a Message-ID derived from the row's idempotency key,
 * so a resend after a crash is recognisable as a copy of the same message.
 */
export async function tallyDelivery(
  db: Db,
  sink: CountingSmtpSink,
  { subjectId, mailFrom }: { subjectId: string; mailFrom: string },
): Promise<Tally> {
  const rows = await db
    .select({ key: outbox.idempotencyKey, recipient: outbox.recipient })
    .from(outbox)
    .where(eq(outbox.subjectId, subjectId));
  let delivered = 0;
  let duplicated = 0;
  let misaddressed = 0;
  let matchedMessages = 0;
  for (const row of rows) {
    const received = sink.byMessageId.get(messageIdFor(row.key, mailFrom));
    if (!received) continue;
    delivered++;
    duplicated += received.copies - 1;
    matchedMessages += received.copies;
    if (!received.recipients.includes(row.recipient.toLowerCase())) misaddressed += received.copies;
  }
  const [reclaimed] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.subjectId, subjectId), gt(outbox.attempts, 1)));
  const [attempts] = await db
    .select({ most: max(outbox.attempts) })
    .from(outbox)
    .where(eq(outbox.subjectId, subjectId));
  return {
    expected: rows.length,
    delivered,
    duplicated,
    lost: rows.length - delivered,
    stray: sink.total() - matchedMessages,
    misaddressed,
    outbox: await outboxStates(db, subjectId),
    reclaimedRows: reclaimed?.n ?? 0,
    maxAttempts: attempts?.most ?? 0,
  };
}
