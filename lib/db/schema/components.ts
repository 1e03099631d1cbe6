import { boolean, date, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./columns";
import { componentStatus, statusCause } from "./enums";
import { users } from "./auth";

/** One level of grouping; groups have no status of their own (it is derived). */
export const componentGroups = pgTable("component_groups", {
  id: id(),
  name: text().notNull(),
  description: text(),
  position: integer().notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type ComponentGroup = typeof componentGroups.$inferSelect;

export const components = pgTable(
  "components",
  {
    id: id(),
    groupId: text().references(() => componentGroups.id, { onDelete: "set null" }),
    name: text().notNull(),
    description: text(),
    position: integer().notNull().default(0),
    status: componentStatus().notNull().default("operational"),
    /** Uptime counts from this day. */
    startDate: date({ mode: "string" }),
    onlyShowIfDegraded: boolean().notNull().default(false),
    /** Shown on the public page ("showcase" in the Statuspage API). */
    visible: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("components_group_idx").on(t.groupId)],
);
export type Component = typeof components.$inferSelect;

/**
 * Every status change is an event; uptime is derived from these, never typed in.
 * incident/maintenance ids are plain text so history survives deletions.
 */
export const componentStatusEvents = pgTable(
  "component_status_events",
  {
    id: id(),
    componentId: text()
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
    fromStatus: componentStatus(),
    toStatus: componentStatus().notNull(),
    at: at().notNull(),
    cause: statusCause().notNull(),
    incidentId: text(),
    maintenanceId: text(),
    /** The integration that made an automatic change (cause "integration"). */
    integrationId: text(),
    actorId: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("status_events_component_at_idx").on(t.componentId, t.at),
    index("status_events_created_idx").on(t.createdAt),
  ],
);
export type ComponentStatusEvent = typeof componentStatusEvents.$inferSelect;
