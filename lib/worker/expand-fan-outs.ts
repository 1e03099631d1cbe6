import { asc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { notificationFanOuts } from "../db/schema";
import { expandFanOut } from "../notifications/fan-out";

/**
 * Turns queued fan-outs into outbox rows, oldest first, each in its own
 * transaction with its "expanded" mark: a crash leaves it queued, and the
 * retry adds only the rows that are missing (idempotency keys). SKIP LOCKED
 * lets several workers expand side by side. Returns the outbox rows written.
 */
export async function expandFanOuts(db: Db, { limit = 20 } = {}): Promise<number> {
  let written = 0;
  for (let i = 0; i < limit; i++) {
    const expanded = await db.transaction(async (tx) => {
      const [next] = await tx
        .select()
        .from(notificationFanOuts)
        .where(isNull(notificationFanOuts.expandedAt))
        .orderBy(asc(notificationFanOuts.createdAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!next) return null;
      const recipients = await expandFanOut(tx, next);
      await tx
        .update(notificationFanOuts)
        .set({ recipients, expandedAt: new Date() })
        .where(eq(notificationFanOuts.id, next.id));
      return recipients;
    });
    if (expanded === null) break;
    written += expanded;
  }
  if (written >= ANALYZE_AFTER_ROWS) await db.execute(sql`analyze notification_outbox`);
  return written;
}

/**
 * A large expansion changes the outbox more than the planner knows until
 * autovacuum gets to it: with statistics taken when nothing was pending, it
 * expects a few pending rows, so each claim read and sorted every one of the
 * 100,000 new rows (30 ms a claim) instead of walking outbox_due_idx to the
 * first 100 (0.4 ms). Fresh statistics right after the insert fix the plan for
 * the whole fan-out; sampling costs well under a second even on a table of
 * years of history.
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
