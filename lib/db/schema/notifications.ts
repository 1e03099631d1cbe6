import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { audience, channel, deliveryState, type Channel } from "./enums";

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
    /** The provider's id for the sent email (Resend): its delivery webhooks name it. */
    providerMessageId: text(),
    /** When the provider reported the email in the recipient's mailbox. */
    deliveredAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    // The claim's order, so a claim reads `limit` rows off the index instead of sorting every due row.
    index("outbox_due_idx").on(t.state, t.nextAttemptAt, t.id),
    index("outbox_subject_idx").on(t.subjectId),
    index("outbox_provider_idx").on(t.providerMessageId),
    index("outbox_created_idx").on(t.createdAt),
  ],
);
export type OutboxRow = typeof notificationOutbox.$inferSelect;

/** Who a fan-out reaches: public subscribers (of some components, on some channels) or the private stakeholder list. */
export type FanOutAudience =
  | { kind: "subscribers"; componentIds: string[]; channels: Channel[] }
  /** The private list: its email addresses and its chat destinations (internal subscribers). */
  | { kind: "stakeholders" };
export type FanOutSpec = {
  eventType: string;
  subjectId: string;
  /** Identifies the event for idempotency keys: `${key}:${recipient}`. */
  key: string;
  payload: Record<string, unknown>;
  audience: FanOutAudience;
  /** An update that changed no state: SMS subscribers get it only if they chose every update. */
  routine?: boolean;
};

/**
 * A publish writes one row here, in its own transaction, whatever the audience
 * size; the worker expands it into one outbox row per recipient (idempotently,
 * so a crash mid-expansion is retried without duplicates).
 */
export const notificationFanOuts = pgTable(
  "notification_fan_outs",
  {
    id: id(),
    spec: jsonb().$type<FanOutSpec>().notNull(),
    /** Outbox rows the expansion wrote so far; null until its first chunk. */
    recipients: integer(),
    /** The last subscriber id expanded so far (subscribers go in id order, a chunk per transaction); null before the first chunk. */
    expandedThrough: text(),
    expandedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    index("fan_outs_pending_idx")
      .on(t.createdAt)
      .where(sql`${t.expandedAt} is null`),
  ],
);
export type FanOutRow = typeof notificationFanOuts.$inferSelect;

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
