import { lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { devMailbox } from "../db/schema";
import { executeRows } from "../db/execute-rows";

const DAY_MS = 86_400_000;

/**
 * Drops finished outbox rows (sent, skipped, failed) and development-outbox
 * mail older than the retention period, so the tables do not grow with every
 * incident for years. Each pruned row is first added to its subject's counts
 * (notification_delivery_counts) in the same statement, so the console still
 * says "12,408 sent" for an update from last year. One statement each: two
 * workers pruning at once cannot count a row twice.
 */
export async function pruneDeliveredOutbox(
  db: Db,
  { now = new Date(), retentionDays }: { now?: Date; retentionDays: number },
): Promise<{ outboxRows: number; devMail: number }> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const [pruned] = await executeRows<{ n: number }>(
    db,
    sql`with gone as (
          delete from notification_outbox
          where state in ('sent', 'skipped', 'failed') and created_at < ${cutoff}::timestamptz
          returning subject_id, event_type, channel, audience, state, delivered_at, created_at
        ),
        counted as (
          insert into notification_delivery_counts (subject_id, event_type, channel, audience, state, count, delivered, last_queued_at)
          select subject_id, event_type, channel, audience, state, count(*)::int, count(delivered_at)::int, max(created_at)
          from gone
          group by subject_id, event_type, channel, audience, state
          on conflict (subject_id, event_type, channel, audience, state) do update set
            count = notification_delivery_counts.count + excluded.count,
            delivered = notification_delivery_counts.delivered + excluded.delivered,
            last_queued_at = greatest(notification_delivery_counts.last_queued_at, excluded.last_queued_at)
          returning 1
        )
        select (select count(*)::int from gone) as n`,
  );
  const mail = await db
    .delete(devMailbox)
    .where(lt(devMailbox.createdAt, new Date(cutoff)))
    .returning({ id: devMailbox.id });
  return { outboxRows: pruned?.n ?? 0, devMail: mail.length };
}
