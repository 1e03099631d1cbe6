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
 * How long a success may wait for others to share its statement. At a thousand messages a
 * second that makes one UPDATE of ~20 rows instead of one of one or two (each statement costs
 * the worker a query build and a round trip, and the database, which shares the machine, a
 * commit); what a killed worker leaves unrecorded stays within one chunk.
 */
export const RECORD_WINDOW_MS = 20;

/**
 * Collects one batch's outcomes and writes them. Successes are group-committed:
 * recorded RECORD_WINDOW_MS after the first of them, together with every
 * other that completed meanwhile, or at once when a whole chunk (RECORD_CHUNK
 * per UPDATE) is waiting, so a busy worker spends one statement per chunk
 * rather than per message; what a killed worker leaves unrecorded is what
 * completed within one window or one write.
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
  let window: NodeJS.Timeout | undefined;
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
  /** Writes what is waiting, a chunk at a time; unless `all`, a last part smaller than a chunk waits for the next window. */
  const pump = (all = false): Promise<void> => {
    clearTimeout(window);
    window = undefined;
    writing ??= (async () => {
      try {
        while (pending.length > 0) {
          await write(pending.splice(0, RECORD_CHUNK));
          if (!all && pending.length < RECORD_CHUNK) break;
        }
      } catch (error) {
        // Unrecorded rows stay claimed and are retried after the lease; the batch reports the error.
        writeError ??= error;
        pending.length = 0;
      } finally {
        writing = null;
        if (pending.length > 0) window ??= setTimeout(() => void pump(), RECORD_WINDOW_MS);
      }
    })();
    return writing;
  };
  /** Everything recorded; throws if a write failed. */
  const flush = async () => {
    while (writing || pending.length > 0) await pump(true);
    if (writeError) throw writeError;
  };

  return {
    result,
    flush,
    async sent(row: OutboxRow, providerMessageId?: string) {
      pending.push({ row, providerMessageId });
      // A whole chunk goes at once, and its sender waits for it (back-pressure on the senders).
      if (pending.length >= RECORD_CHUNK) return pump();
      if (!writing) window ??= setTimeout(() => void pump(), RECORD_WINDOW_MS);
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
