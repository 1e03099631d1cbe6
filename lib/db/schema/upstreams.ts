import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./columns";
import { componentStatus } from "./enums";
import { components } from "./components";
import { users } from "./auth";

/**
 * A third-party status page (any Statuspage v2-compatible summary.json, Herald's
 * own included) whose picked components show on our page in a group of their own.
 * Public (announced on change): only fields that change with what readers see live here.
 */
export const upstreamPages = pgTable("upstream_pages", {
  id: id(),
  /** The summary.json URL polled. */
  url: text().notNull().unique(),
  /** The upstream page's own name, from its summary.json; null until first read. */
  pageName: text(),
  /** A label chosen in the console, shown instead of the page's name. */
  label: text(),
  position: integer().notNull().default(0),
  /** Set while the upstream cannot be read: the page says "Status unknown since", never a guess. */
  unknownSince: at(),
  createdBy: text().references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});
export type UpstreamPage = typeof upstreamPages.$inferSelect;

/**
 * Polling state, kept off the public table so a poll that changes nothing
 * announces nothing (every public-table write refreshes every cache).
 */
export const upstreamPolls = pgTable(
  "upstream_polls",
  {
    upstreamPageId: text()
      .primaryKey()
      .references(() => upstreamPages.id, { onDelete: "cascade" }),
    /** Due time, and the lease while a worker polls (moved forward when claimed). */
    nextPollAt: at().notNull().defaultNow(),
    etag: text(),
    failures: integer().notNull().default(0),
    lastError: text(),
    lastPolledAt: at(),
    lastSuccessAt: at(),
  },
  (t) => [index("upstream_polls_due_idx").on(t.nextPollAt)],
);
export type UpstreamPoll = typeof upstreamPolls.$inferSelect;

/** Every leaf component the upstream lists; `shown` ones appear on our page. */
export const upstreamComponents = pgTable(
  "upstream_components",
  {
    id: id(),
    upstreamPageId: text()
      .notNull()
      .references(() => upstreamPages.id, { onDelete: "cascade" }),
    /** The upstream's own component id. */
    externalId: text().notNull(),
    name: text().notNull(),
    /** The upstream group it sits in, if any, so "N. Virginia" reads as "EC2 – N. Virginia". */
    groupName: text(),
    status: componentStatus().notNull(),
    position: integer().notNull().default(0),
    shown: boolean().notNull().default(false),
    /** No longer listed upstream: its status is unknown from then on. */
    missingSince: at(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("upstream_components_external_idx").on(t.upstreamPageId, t.externalId)],
);
export type UpstreamComponent = typeof upstreamComponents.$inferSelect;

/** Our components that depend on an upstream component: its incidents draft a notice for them. */
export const upstreamDependencies = pgTable(
  "upstream_dependencies",
  {
    upstreamComponentId: text()
      .notNull()
      .references(() => upstreamComponents.id, { onDelete: "cascade" }),
    componentId: text()
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.upstreamComponentId, t.componentId] })],
);

/** Upstream incidents seen, so each drafts at most one notice and its resolution marks it. */
export const upstreamIncidents = pgTable(
  "upstream_incidents",
  {
    id: id(),
    upstreamPageId: text()
      .notNull()
      .references(() => upstreamPages.id, { onDelete: "cascade" }),
    externalId: text().notNull(),
    name: text().notNull(),
    impact: text().notNull(),
    /** Upstream component ids the incident names. */
    componentExternalIds: jsonb().$type<string[]>().notNull().default([]),
    firstSeenAt: at().notNull(),
    resolvedAt: at(),
    draftId: text(),
  },
  (t) => [uniqueIndex("upstream_incidents_external_idx").on(t.upstreamPageId, t.externalId)],
);
export type UpstreamIncident = typeof upstreamIncidents.$inferSelect;
