import { integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns";

export type SupportLink = { label: string; url: string };

/** The page's own settings: a single row keyed "page". */
export const pageSettings = pgTable("page_settings", {
  id: text().primaryKey().default("page"),
  /** Public id of the page in the Statuspage API. */
  publicId: text().notNull(),
  name: text().notNull(),
  url: text().notNull(),
  timeZone: text().notNull().default("UTC"),
  logoUrl: text(),
  brandColor: text().notNull().default("#2563eb"),
  supportLinks: jsonb().$type<SupportLink[]>().notNull().default([]),
  /** Default update cadence in minutes per severity; null means "no cadence". */
  cadenceSev1: integer().default(30),
  cadenceSev2: integer().default(60),
  cadenceSev3: integer().default(240),
  cadenceSev4: integer(),
  /** Days of past incidents listed on the status page, day by day (0 hides the section). */
  pastIncidentDays: integer().notNull().default(7),
  /** Hours before a maintenance window starts that its subscribers are reminded (each once). */
  maintenanceReminderHours: jsonb().$type<number[]>().notNull().default([24, 1]),
  updatedAt: updatedAt(),
});
export type PageSettings = typeof pageSettings.$inferSelect;

/** Generated secrets shared by every instance (e.g. the Auth.js secret when none is configured). */
export const appSecrets = pgTable("app_secrets", {
  key: text().primaryKey(),
  value: text().notNull(),
});
