import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { at, createdAt, id, updatedAt } from "./columns";
import { audience, subscriberKind, subscriberState, tokenPurpose } from "./enums";
import { components } from "./components";

/**
 * Public subscribers (email with double opt-in, signed webhook, chat webhook)
 * and the stakeholder list's chat destinations (audience "internal": they get
 * the internal version and never a public message).
 */
export const subscribers = pgTable(
  "subscribers",
  {
    id: id(),
    kind: subscriberKind().notNull(),
    email: text(),
    /** The signed webhook's URL, or the chat platform's incoming-webhook URL. */
    webhookUrl: text(),
    /** Slack app mode: the channel id (C0123ABCD) the bot posts to. */
    slackChannelId: text(),
    /** An SMS subscriber's number, in E.164 (+14155550123). */
    phone: text(),
    /**
     * SMS only: every update, or (false) only when an incident starts, changes
     * state or resolves, and maintenance starts or ends. Texts cost the reader.
     */
    smsAllUpdates: boolean().notNull().default(false),
    /** HMAC key for webhook signatures. */
    webhookSecret: text(),
    state: subscriberState().notNull().default("pending"),
    /** "public" subscribers, or "internal" chat destinations of the stakeholder list. */
    audience: audience().notNull().default("public"),
    /** When false, only the components in subscriber_components. */
    allComponents: boolean().notNull().default(true),
    confirmedAt: at(),
    unsubscribedAt: at(),
    /** Consecutive webhook failures; auto-disabled past a threshold. */
    failureCount: integer().notNull().default(0),
    /** Set when deliveries kept failing and the webhook was switched off; the console shows why. */
    disabledAt: at(),
    disabledReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("subscribers_email_unique")
      .on(t.email)
      .where(sql`${t.email} is not null`),
    uniqueIndex("subscribers_phone_unique")
      .on(t.phone, t.audience)
      .where(sql`${t.phone} is not null`),
    index("subscribers_state_idx").on(t.state),
  ],
);
export type Subscriber = typeof subscribers.$inferSelect;

export const subscriberComponents = pgTable(
  "subscriber_components",
  {
    subscriberId: text()
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    componentId: text()
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.componentId] })],
);

/** Links sent by email. Only a SHA-256 of the token is stored. */
export const subscriberTokens = pgTable("subscriber_tokens", {
  tokenHash: text().primaryKey(),
  subscriberId: text()
    .notNull()
    .references(() => subscribers.id, { onDelete: "cascade" }),
  purpose: tokenPurpose().notNull(),
  expiresAt: at().notNull(),
  usedAt: at(),
  createdAt: createdAt(),
});

/** Internal stakeholders (executives, support, sales): a private list. */
export const stakeholders = pgTable(
  "stakeholders",
  {
    id: id(),
    name: text().notNull(),
    email: text().notNull(),
    title: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("stakeholders_email_unique").on(t.email)],
);

/**
 * The SMS double opt-in: the 6-digit code texted to a pending number. Only
 * its hash is kept; a code expires and allows a few guesses (a million codes
 * would otherwise be guessable).
 */
export const smsVerifications = pgTable("sms_verifications", {
  subscriberId: text()
    .primaryKey()
    .references(() => subscribers.id, { onDelete: "cascade" }),
  codeHash: text().notNull(),
  attempts: integer().notNull().default(0),
  expiresAt: at().notNull(),
  createdAt: createdAt(),
});
