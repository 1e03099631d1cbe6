import { asc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { notificationFanOuts } from "../db/schema";
import { EXPANSION_CHUNK, expandFanOut } from "../notifications/fan-out";

/**
 * Turns queued fan-outs into outbox rows, oldest first, a chunk of recipients
 * per transaction together with the fan-out's cursor (expandedThrough) and,
 * after its last chunk, its "expanded" mark: a crash loses at most the chunk
 * in progress, which the retry writes again (idempotency keys). SKIP LOCKED
 * lets several workers, or the lanes of one, expand side by side.
 *
 * Stops once `rowBudget` rows are written (or `limit` transactions ran): the
 * worker calls this before every claim, so a large fan-out is expanded a chunk
 * at a time between sends instead of holding back the first message until all
 * 100,000 rows exist. Returns the outbox rows written.
 */
export async function expandFanOuts(
  db: Db,
  {
    limit = 20,
    rowBudget = EXPANSION_CHUNK,
    chunk = EXPANSION_CHUNK,
  }: { limit?: number; rowBudget?: number; chunk?: number } = {},
): Promise<number> {
  let written = 0;
  let analyze = false;
  for (let i = 0; i < limit && written < rowBudget; i++) {
    const step = await db.transaction(async (tx) => {
      const [next] = await tx
        .select()
        .from(notificationFanOuts)
        .where(isNull(notificationFanOuts.expandedAt))
        .orderBy(asc(notificationFanOuts.createdAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!next) return null;
      const expanded = await expandFanOut(tx, next, { chunk });
      await tx
        .update(notificationFanOuts)
        .set({
          recipients: (next.recipients ?? 0) + expanded.written,
          expandedThrough: expanded.through,
          expandedAt: expanded.through === null ? new Date() : null,
        })
        .where(eq(notificationFanOuts.id, next.id));
      return { written: expanded.written, first: next.expandedThrough === null };
    });
    if (step === null) break;
    written += step.written;
    analyze ||= step.first && step.written >= ANALYZE_AFTER_ROWS;
  }
  if (analyze) await db.execute(sql`analyze notification_outbox`);
  return written;
}

/**
 * A large expansion changes the outbox more than the planner knows until
 * autovacuum gets to it: with statistics taken when nothing was pending, it
 * expects a few pending rows, so each claim read and sorted every one of the
 * 100,000 new rows (30 ms a claim) instead of walking outbox_due_idx to the
 * first 100 (0.4 ms). Fresh statistics right after a fan-out's first chunk fix
 * the plan for the whole fan-out; sampling costs well under a second even on a
 * table of years of history.
 */
const ANALYZE_AFTER_ROWS = 1_000;

/** Expanded fan-outs are only history (their outbox rows carry everything): kept a week for inspection, then dropped by the tick. */
const KEEP_EXPANDED_MS = 7 * 24 * 3_600_000;

export async function pruneExpandedFanOuts(db: Db, now = new Date()): Promise<number> {
  const dropped = await db
    .delete(notificationFanOuts)
    .where(lt(notificationFanOuts.expandedAt, new Date(now.getTime() - KEEP_EXPANDED_MS)))
    .returning({ id: notificationFanOuts.id });
  return dropped.length;
}
