import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { at, createdAt } from "./columns";
import { audience, channel, deliveryState, suppressionReason } from "./enums";

/**
 * Addresses Herald never mails again: hard bounces and spam complaints
 * (Resend's webhooks, permanent SMTP answers). Mailing them anyway is how a
 * sender's domain gets blocked. Owners can clear an entry (a fixed mailbox).
 */
export const emailSuppressions = pgTable("email_suppressions", {
  /** Lower-cased. */
  email: text().primaryKey(),
  reason: suppressionReason().notNull(),
  /** What the provider or relay said, shown in the console. */
  detail: text(),
  /** "resend" or "smtp". */
  source: text().notNull(),
  createdAt: createdAt(),
});
export type EmailSuppression = typeof emailSuppressions.$inferSelect;

/**
 * Per-subject delivery counts of outbox rows pruned after the retention
 * period: the console's "N sent" for an old update survives its rows.
 */
export const deliveryCounts = pgTable(
  "notification_delivery_counts",
  {
    subjectId: text().notNull(),
    eventType: text().notNull(),
    channel: channel().notNull(),
    audience: audience().notNull(),
    state: deliveryState().notNull(),
    count: integer().notNull(),
    /** How many of them the provider reported delivered to the mailbox. */
    delivered: integer().notNull().default(0),
    lastQueuedAt: at().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subjectId, t.eventType, t.channel, t.audience, t.state] }),
    index("delivery_counts_last_idx").on(t.lastQueuedAt),
  ],
);
