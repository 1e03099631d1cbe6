import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { audience, channel, deliveryState } from "./enums";

/**
 * Transactional outbox: one row per (event, recipient, channel), written in the
 * same transaction as the publish. The worker claims rows; idempotencyKey makes
 * a retry after a crash a no-op instead of a duplicate.
 */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: id(),
    idempotencyKey: text().notNull().unique(),
    channel: channel().notNull(),
    audience: audience().notNull(),
    /** e.g. incident.updated, maintenance.started, postmortem.published, reminder.overdue */
    eventType: text().notNull(),
    /** The thing the message is about (update id, maintenance id, postmortem id…). */
    subjectId: text().notNull(),
    recipient: text().notNull(),
    subscriberId: text(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    state: deliveryState().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: at().notNull().defaultNow(),
    lockedUntil: at(),
    lastError: text(),
    sentAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_due_idx").on(t.state, t.nextAttemptAt),
    index("outbox_subject_idx").on(t.subjectId),
  ],
);
export type OutboxRow = typeof notificationOutbox.$inferSelect;

/**
 * The development mailbox: with neither Resend nor SMTP configured, the worker
 * "sends" mail here and the console shows it, so a fresh install can see every
 * email Herald would send.
 */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: id(),
    /** The outbox row's idempotency key: a retried delivery replaces nothing and adds nothing. */
    idempotencyKey: text().notNull().unique(),
    to: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("dev_mailbox_created_idx").on(t.createdAt)],
);
export type DevMail = typeof devMailbox.$inferSelect;
