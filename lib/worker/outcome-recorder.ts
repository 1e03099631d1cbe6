import { inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { subscribers, type OutboxRow } from "../db/schema";
import { suppressAddress } from "../deliverability/suppressions";
import { DeliveryError } from "../mail/delivery-error";
import {
  deferClaim,
  isHookRow,
  markFailedAttempt,
  markSentMany,
  releaseClaim,
} from "./record-outcome";

export type BatchResult = {
  claimed: number;
  sent: number;
  retried: number;
  skipped: number;
  released: number;
  /** The last failure's message, for the worker's log line. */
  lastError?: string;
  /** Put back until the receiver's Retry-After (a 429), no attempt spent. */
  deferred: number;
};

/** At most this many sends per statement. */
export const RECORD_CHUNK = 100;

/**
 * Collects one batch's outcomes and writes them. Successes are group-committed:
 * a send that completes while no write is under way is recorded at once; those
 * that complete during a write go together in the next one (up to
 * RECORD_CHUNK per UPDATE). So an idle worker records each message as it
 * goes, and a busy one spends one statement per chunk rather than per message;
 * what a killed worker leaves unrecorded is what completed during one write.
 * Failures are written one by one (rare, each with its own backoff); a hard
 * bounce goes onto the suppression list.
 */
export function createOutcomeRecorder(db: Db, now: () => Date, claimed: number) {
  const result: BatchResult = {
    claimed,
    sent: 0,
    retried: 0,
    skipped: 0,
    released: 0,
    deferred: 0,
  };
  const pending: { row: OutboxRow; providerMessageId?: string }[] = [];
  let writing: Promise<void> | null = null;
  let writeError: unknown = null;
  const failedHooks = new Set<string>();

  const write = async (chunk: typeof pending) => {
    await markSentMany(db, chunk, now());
    // A webhook that answered is healthy again: its run of failures starts over.
    const hooks = chunk.flatMap(({ row }) => (isHookRow(row) ? [row.subscriberId!] : []));
    if (hooks.length)
      await db.update(subscribers).set({ failureCount: 0 }).where(inArray(subscribers.id, hooks));
    result.sent += chunk.length;
  };
  const pump = (): Promise<void> => {
    writing ??= (async () => {
      try {
        while (pending.length > 0) await write(pending.splice(0, RECORD_CHUNK));
      } catch (error) {
        // Unrecorded rows stay claimed and are retried after the lease; the batch reports the error.
        writeError ??= error;
        pending.length = 0;
      } finally {
        writing = null;
      }
    })();
    return writing;
  };
  /** Everything recorded; throws if a write failed. */
  const flush = async () => {
    while (writing || pending.length > 0) await pump();
    if (writeError) throw writeError;
  };

  return {
    result,
    flush,
    async sent(row: OutboxRow, providerMessageId?: string) {
      pending.push({ row, providerMessageId });
      const written = pump();
      // Back-pressure: senders wait when a whole chunk is queued behind the current write.
      if (pending.length >= RECORD_CHUNK) await written;
    },
    async failed(row: OutboxRow, error: unknown) {
      // One failure per webhook per batch counts towards switching it off: ten queued events failing in one blip count once.
      const firstForHook = !row.subscriberId || !failedHooks.has(row.subscriberId);
      if (row.subscriberId) failedHooks.add(row.subscriberId);
      await markFailedAttempt(db, row, error, now(), { countAgainstWebhook: firstForHook });
      if (error instanceof DeliveryError && error.bounce && row.channel === "email")
        await suppressAddress(db, {
          email: row.recipient,
          reason: "bounced",
          detail: error.message,
          source: "smtp",
        });
      result.retried++;
      result.lastError = error instanceof Error ? error.message : String(error);
    },
    async defer(row: OutboxRow, until: Date, reason: string) {
      await deferClaim(db, row, until, reason);
      result.deferred++;
    },
    async release(row: OutboxRow) {
      await releaseClaim(db, row);
      result.released++;
    },
  };
}

export type OutcomeRecorder = ReturnType<typeof createOutcomeRecorder>;
