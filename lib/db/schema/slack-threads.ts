import { pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { incidents } from "./incidents";
import { subscribers } from "./subscribers";

/**
 * Slack app mode: the root message of each incident in each stakeholder
 * channel. `rootRowId` is the outbox row whose delivery posts the root (one
 * row claims it, so two workers never post two roots); `rootTs` is set once
 * Slack accepted it, in the same transaction as that row's outcome. Later
 * updates reply in its thread and edit it.
 */
export const slackThreads = pgTable(
  "slack_threads",
  {
    subscriberId: text()
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    incidentId: text()
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    channelId: text().notNull(),
    rootRowId: text().notNull(),
    rootTs: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.incidentId] })],
);
export type SlackThread = typeof slackThreads.$inferSelect;
