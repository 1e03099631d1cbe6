import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { DeliveryError } from "../mail/delivery-error";
import type { Db } from "../db/client";
import { isAnyOf } from "../db/any-of";
import { notificationOutbox as outbox, subscribers, type OutboxRow } from "../db/schema";
import {
  GONE_DISABLE_AFTER,
  MAX_ATTEMPTS,
  retryDelayMs,
  WEBHOOK_DISABLE_AFTER,
} from "./retry-policy";

/** Signed webhooks and chat webhooks: one subscriber's URL, switched off when it keeps failing. */
export const isHookRow = (row: Pick<OutboxRow, "channel" | "subscriberId">) =>
  row.channel !== "email" && row.subscriberId !== null;

/** Confirmation rows carry a token until sent; afterwards only its hash (in subscriber_tokens) remains. */
const scrubbed = (row: OutboxRow) =>
  row.eventType === "subscription.confirm" ? { payload: { ...row.payload, token: null } } : {};

export async function markSent(db: Db, row: OutboxRow, now: Date) {
  await db
    .update(outbox)
    .set({ state: "sent", sentAt: now, lockedUntil: null, lastError: null, ...scrubbed(row) })
    .where(and(eq(outbox.id, row.id), ne(outbox.state, "sent")));
  if (isHookRow(row))
    await db
      .update(subscribers)
      .set({ failureCount: 0 })
      .where(eq(subscribers.id, row.subscriberId!));
}

/** Confirmation tokens dropped in SQL, for the rows recorded in one statement. */
const scrubbedInSql = sql`case when ${outbox.eventType} = 'subscription.confirm' then ${outbox.payload} || '{"token":null}'::jsonb else ${outbox.payload} end`;

/**
 * Records a chunk of sends in one statement (a statement per message was most
 * of the worker's time at 100,000 recipients), with each message's provider id
 * when the transport returned one.
 */
export async function markSentMany(
  db: Db,
  sent: readonly { row: OutboxRow; providerMessageId?: string }[],
  now: Date,
) {
  if (sent.length === 0) return;
  const providerIds = Object.fromEntries(
    sent.flatMap(({ row, providerMessageId }) =>
      providerMessageId ? [[row.id, providerMessageId]] : [],
    ),
  );
  await db
    .update(outbox)
    .set({
      state: "sent",
      sentAt: now,
      lockedUntil: null,
      lastError: null,
      payload: scrubbedInSql,
      providerMessageId: sql`coalesce(${JSON.stringify(providerIds)}::jsonb ->> ${outbox.id}, ${outbox.providerMessageId})`,
    })
    .where(
      and(
        isAnyOf(
          outbox.id,
          sent.map((s) => s.row.id),
        ),
        ne(outbox.state, "sent"),
      ),
    );
}

export async function markSkipped(db: Db, row: OutboxRow, reason: string) {
  await markSkippedMany(db, [row], reason);
}

/** Rows skipped for the same reason, in one statement. */
export async function markSkippedMany(db: Db, rows: readonly OutboxRow[], reason: string) {
  if (rows.length === 0) return;
  await db
    .update(outbox)
    .set({ state: "skipped", lockedUntil: null, lastError: reason, payload: scrubbedInSql })
    .where(
      isAnyOf(
        outbox.id,
        rows.map((r) => r.id),
      ),
    );
}

/** Gives an unsent row back to the queue (its claim's lease was nearly over): that claim does not count as an attempt. */
export async function releaseClaim(db: Db, row: OutboxRow) {
  await db
    .update(outbox)
    .set({ state: "pending", lockedUntil: null, attempts: sql`${outbox.attempts} - 1` })
    .where(
      and(eq(outbox.id, row.id), eq(outbox.state, "sending"), eq(outbox.attempts, row.attempts)),
    );
}

/**
 * Puts an unsent row back until `until` (the receiver asked us to wait): the
 * claim does not count as an attempt, since nothing was refused.
 */
export async function deferClaim(db: Db, row: OutboxRow, until: Date, reason: string) {
  await db
    .update(outbox)
    .set({
      state: "pending",
      lockedUntil: null,
      nextAttemptAt: until,
      lastError: reason,
      attempts: sql`${outbox.attempts} - 1`,
    })
    .where(
      and(eq(outbox.id, row.id), eq(outbox.state, "sending"), eq(outbox.attempts, row.attempts)),
    );
}

/** Our backoff, or longer when the receiver said so (`Retry-After` on a 429/503). */
function nextRetryMs(attempts: number, error: unknown): number {
  const asked = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return Math.max(retryDelayMs(attempts), typeof asked === "number" ? asked : 0);
}

/**
 * Schedules the next try, or records the final failure after MAX_ATTEMPTS.
 * Only the claim that made this attempt may record it: a worker that lost its
 * lease to another does not overwrite the newer attempt.
 */
export async function markFailedAttempt(
  db: Db,
  row: OutboxRow,
  error: unknown,
  now: Date,
  { countAgainstWebhook = true } = {},
) {
  const message = error instanceof Error ? error.message : String(error);
  // A refusal retrying cannot change (a bounce, an invalid message) is final at once.
  const final = row.attempts >= MAX_ATTEMPTS || (error instanceof DeliveryError && error.permanent);
  await db
    .update(outbox)
    .set(
      final
        ? { state: "failed", lockedUntil: null, lastError: message, ...scrubbed(row) }
        : {
            state: "pending",
            lockedUntil: null,
            lastError: message,
            nextAttemptAt: new Date(now.getTime() + nextRetryMs(row.attempts, error)),
          },
    )
    .where(
      and(eq(outbox.id, row.id), eq(outbox.state, "sending"), eq(outbox.attempts, row.attempts)),
    );
  if (countAgainstWebhook && isHookRow(row))
    await countWebhookFailure(db, row.subscriberId!, message, now, {
      disableAfter: disableAfter(error),
    });
}

/** Consecutive failed rounds switch a webhook off; what is still queued for it is skipped, not retried for hours. */
async function countWebhookFailure(
  db: Db,
  subscriberId: string,
  message: string,
  now: Date,
  { disableAfter = WEBHOOK_DISABLE_AFTER }: { disableAfter?: number } = {},
) {
  const [sub] = await db
    .update(subscribers)
    .set({ failureCount: sql`${subscribers.failureCount} + 1` })
    .where(eq(subscribers.id, subscriberId))
    .returning({ failureCount: subscribers.failureCount, state: subscribers.state });
  if (!sub || sub.state !== "active" || sub.failureCount < disableAfter) return;
  const reason = `Disabled after ${sub.failureCount} failed deliveries in a row. Last error: ${message}`;
  await db
    .update(subscribers)
    .set({ state: "disabled", disabledAt: now, disabledReason: reason })
    .where(eq(subscribers.id, subscriberId));
  await db
    .update(outbox)
    .set({ state: "skipped", lastError: "Webhook disabled after repeated failures." })
    // Rows in flight too: their own failure will then not overwrite this (see the guard above).
    .where(
      and(eq(outbox.subscriberId, subscriberId), inArray(outbox.state, ["pending", "sending"])),
    );
}

/** How many failures in a row switch a subscription off, when this error says sooner than usual. */
function disableAfter(error: unknown): number | undefined {
  // Twilio: the number replied STOP, or is not a valid mobile number: it never will take texts.
  if ((error as { numberRefused?: unknown })?.numberRefused === true) return 1;
  // A chat webhook answering 404/410 was deleted.
  if ((error as { gone?: unknown })?.gone === true) return GONE_DISABLE_AFTER;
  // Slack app mode: the channel is gone, the bot left it, or the token is dead.
  if ((error as { disable?: unknown })?.disable === true) return 1;
  return undefined;
}
