import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { notificationOutbox as outbox, type OutboxRow } from "../db/schema";

/**
 * Claims due rows for one worker: pending rows whose time has come, and rows
 * another worker claimed but never finished (it crashed; its lease ran out).
 * FOR UPDATE SKIP LOCKED lets several workers on one PostgreSQL claim side by
 * side without waiting for, or taking, each other's rows. Claiming counts as an
 * attempt, so a message that crashes the worker every time still ends.
 */
export async function claimOutboxBatch(
  db: Db,
  { limit, now, leaseMs }: { limit: number; now: Date; leaseMs: number },
): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.state, "pending"), lte(outbox.nextAttemptAt, now)),
        and(eq(outbox.state, "sending"), lt(outbox.lockedUntil, now)),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(outbox)
    .set({
      state: "sending",
      attempts: sql`${outbox.attempts} + 1`,
      lockedUntil: new Date(now.getTime() + leaseMs),
    })
    .where(inArray(outbox.id, due))
    .returning();
  // Same order as claimed: a batch retried after a crash is rebuilt the same way (same Resend batch key).
  return rows.sort(
    (a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id.localeCompare(b.id),
  );
}
