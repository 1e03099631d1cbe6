import { boolean, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./columns";
import { maintenanceState } from "./enums";
import { users } from "./auth";
import { components } from "./components";

export const maintenances = pgTable(
  "maintenances",
  {
    id: id(),
    title: text().notNull(),
    /** Public Markdown description of the work and its expected impact. */
    body: text().notNull().default(""),
    state: maintenanceState().notNull().default("scheduled"),
    scheduledFor: at().notNull(),
    scheduledUntil: at().notNull(),
    startedAt: at(),
    completedAt: at(),
    autoStart: boolean().notNull().default(true),
    autoComplete: boolean().notNull().default(true),
    notify: boolean().notNull().default(true),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("maintenances_window_idx").on(t.scheduledFor, t.scheduledUntil)],
);
export type Maintenance = typeof maintenances.$inferSelect;

export const maintenanceComponents = pgTable(
  "maintenance_components",
  {
    maintenanceId: text()
      .notNull()
      .references(() => maintenances.id, { onDelete: "cascade" }),
    componentId: text()
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.maintenanceId, t.componentId] })],
);

export const maintenanceUpdates = pgTable("maintenance_updates", {
  id: id(),
  maintenanceId: text()
    .notNull()
    .references(() => maintenances.id, { onDelete: "cascade" }),
  state: maintenanceState().notNull(),
  body: text().notNull(),
  notify: boolean().notNull().default(true),
  displayAt: at().notNull().defaultNow(),
  authorId: text().references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type MaintenanceUpdate = typeof maintenanceUpdates.$inferSelect;

/**
 * One row per reminder a window's subscribers were sent (or skipped because a
 * nearer one applied): the primary key makes each reminder go once, whatever
 * the number of workers or ticks.
 */
export const maintenanceReminders = pgTable(
  "maintenance_reminders",
  {
    maintenanceId: text()
      .notNull()
      .references(() => maintenances.id, { onDelete: "cascade" }),
    leadHours: integer().notNull(),
    /** When the window started this lead's count: a rescheduled window is reminded again. */
    scheduledFor: at().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.maintenanceId, t.leadHours, t.scheduledFor] })],
);
