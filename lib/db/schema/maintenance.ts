import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
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
    /**
     * A recurring window: each occurrence is a normal window; when the latest one is under
     * way or over, the worker schedules the next (same series, same local time in the page's
     * zone). Null on a one-off, and on every occurrence of a series someone stopped.
     */
    repeat: text().$type<MaintenanceRepeat>(),
    /** No occurrence of the series starts after this. */
    repeatUntil: at(),
    /** The first occurrence's id, shared by every occurrence of a recurring window. */
    seriesId: text(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("maintenances_window_idx").on(t.scheduledFor, t.scheduledUntil),
    // Two workers scheduling the same next occurrence write it once.
    uniqueIndex("maintenances_series_occurrence_idx").on(t.seriesId, t.scheduledFor),
  ],
);
export const MAINTENANCE_REPEATS = ["daily", "weekly", "monthly"] as const;
export type MaintenanceRepeat = (typeof MAINTENANCE_REPEATS)[number];
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
