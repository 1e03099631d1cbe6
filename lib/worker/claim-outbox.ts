import { and, asc, eq, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { notificationOutbox as outbox, type OutboxRow } from "../db/schema";

/**
 * Claims due rows for one worker: rows another worker claimed but never
 * finished (it crashed; its lease ran out) first, then pending rows whose time
 * has come. Two statements rather than one with OR: each walks its index in
 * order and stops at `limit`, where the OR sorted every due row (100,000 after
 * a large publish) on each claim. FOR UPDATE SKIP LOCKED lets several workers
 * on one PostgreSQL claim side by side without waiting for, or taking, each
 * other's rows. Claiming counts as an attempt, so a message that crashes the
 * worker every time still ends.
 */
export async function claimOutboxBatch(
  db: Db,
  { limit, now, leaseMs }: { limit: number; now: Date; leaseMs: number },
): Promise<OutboxRow[]> {
  const claim = async (where: SQL | undefined, n: number) => {
    if (n <= 0) return [];
    const due = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(where)
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(n)
      .for("update", { skipLocked: true });
    return db
      .update(outbox)
      .set({
        state: "sending",
        attempts: sql`${outbox.attempts} + 1`,
        lockedUntil: new Date(now.getTime() + leaseMs),
      })
      .where(inArray(outbox.id, due))
      .returning();
  };
  const abandoned = await claim(
    and(eq(outbox.state, "sending"), lt(outbox.lockedUntil, now)),
    limit,
  );
  const pending = await claim(
    and(eq(outbox.state, "pending"), lte(outbox.nextAttemptAt, now)),
    limit - abandoned.length,
  );
  // Same order as claimed: a batch retried after a crash is rebuilt the same way (same Resend batch key).
  return [...abandoned, ...pending].sort(
    (a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id.localeCompare(b.id),
  );
}
