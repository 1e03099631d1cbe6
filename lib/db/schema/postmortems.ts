import { date, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./columns";
import { actionItemStatus, postmortemState } from "./enums";
import { users } from "./auth";
import { incidents } from "./incidents";

/** The sections of an RCA, stored together so a revision is one snapshot. */
export type PostmortemSections = {
  summary: string;
  impact: string;
  timeline: string;
  rootCause: string;
  fiveWhys?: string[];
  resolution: string;
  wentWell: string;
  wentBadly: string;
};

export const postmortems = pgTable("postmortems", {
  id: id(),
  incidentId: text()
    .notNull()
    .unique()
    .references(() => incidents.id, { onDelete: "cascade" }),
  state: postmortemState().notNull().default("draft"),
  /** The draft being edited. */
  sections: jsonb().$type<PostmortemSections>().notNull(),
  /** Revision number of the latest published version (0 = never published). */
  publishedRevision: integer().notNull().default(0),
  firstPublishedAt: at(),
  lastPublishedAt: at(),
  authorId: text().references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type Postmortem = typeof postmortems.$inferSelect;

/** Each published version, kept so "revised on …" has a history to show. */
export const postmortemRevisions = pgTable("postmortem_revisions", {
  id: id(),
  postmortemId: text()
    .notNull()
    .references(() => postmortems.id, { onDelete: "cascade" }),
  revision: integer().notNull(),
  sections: jsonb().$type<PostmortemSections>().notNull(),
  publishedBy: text().references(() => users.id, { onDelete: "set null" }),
  publishedAt: createdAt(),
});

export const postmortemActionItems = pgTable("postmortem_action_items", {
  id: id(),
  postmortemId: text()
    .notNull()
    .references(() => postmortems.id, { onDelete: "cascade" }),
  title: text().notNull(),
  owner: text(),
  dueOn: date({ mode: "string" }),
  status: actionItemStatus().notNull().default("open"),
  publicUrl: text(),
  position: integer().notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
