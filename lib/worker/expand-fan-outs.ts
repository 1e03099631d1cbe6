import { asc, eq, isNull, lt } from "drizzle-orm";
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
  return written;
}

/** Expanded fan-outs are only history (their outbox rows carry everything): kept a week for inspection, then dropped by the tick. */
const KEEP_EXPANDED_MS = 7 * 24 * 3_600_000;

export async function pruneExpandedFanOuts(db: Db, now = new Date()): Promise<number> {
  const dropped = await db
    .delete(notificationFanOuts)
    .where(lt(notificationFanOuts.expandedAt, new Date(now.getTime() - KEEP_EXPANDED_MS)))
    .returning({ id: notificationFanOuts.id });
  return dropped.length;
}
