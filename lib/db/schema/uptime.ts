import { date, pgTable, primaryKey, real, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { components } from "./components";

/**
 * Daily rollup per component so the page's cost does not grow with history.
 * downtimeMinutes is already weighted (major × 1 + partial × 0.3, SPEC §6).
 * Whole days only (today is computed live); days are counted in timeZone, and
 * a status event recorded after computedAt for an earlier day invalidates it.
 */
export const componentUptimeDaily = pgTable(
  "component_uptime_daily",
  {
    componentId: text()
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    observedMinutes: real().notNull(),
    majorMinutes: real().notNull().default(0),
    partialMinutes: real().notNull().default(0),
    downtimeMinutes: real().notNull().default(0),
    timeZone: text().notNull(),
    computedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.componentId, t.day] })],
);
