import { lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { inboundEvents } from "../db/schema";

/**
 * The event log is for setting an integration up and debugging it, not an
 * archive: entries past the outbox's retention go (the audit log and status
 * events keep what each alert changed).
 */
export async function pruneInboundEvents(
  db: Db,
  { now, retentionDays }: { now: Date; retentionDays: number },
) {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const removed = await db
    .delete(inboundEvents)
    .where(lt(inboundEvents.receivedAt, cutoff))
    .returning({ id: inboundEvents.id });
  return removed.length;
}
