import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./columns";
import { componentStatus, impact, incidentState, severity } from "./enums";
import { users } from "./auth";
import { components } from "./components";

export const incidents = pgTable(
  "incidents",
  {
    id: id(),
    title: text().notNull(),
    severity: severity().notNull(),
    /** Derived from severity unless impactOverridden. */
    impact: impact().notNull(),
    impactOverridden: boolean().notNull().default(false),
    state: incidentState().notNull().default("investigating"),
    /** Minutes between public updates; null means no cadence (e.g. SEV4). */
    cadenceMinutes: integer(),
    commsLeadId: text().references(() => users.id, { onDelete: "set null" }),
    startedAt: at().notNull(),
    identifiedAt: at(),
    monitoringAt: at(),
    resolvedAt: at(),
    /** "RCA by <date>" promised at resolution. */
    rcaDueOn: date({ mode: "string" }),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("incidents_state_idx").on(t.state), index("incidents_started_idx").on(t.startedAt)],
);
export type Incident = typeof incidents.$inferSelect;

/** Components affected by an incident and the status they have during it. */
export const incidentComponents = pgTable(
  "incident_components",
  {
    incidentId: text()
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    componentId: text()
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
    status: componentStatus().notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.componentId] })],
);

export const incidentUpdates = pgTable(
  "incident_updates",
  {
    id: id(),
    incidentId: text()
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    state: incidentState().notNull(),
    /** Public Markdown body (sanitized when rendered). */
    body: text().notNull(),
    /** Internal stakeholders only: note, business impact, ETA. */
    internalNote: text(),
    businessImpact: text(),
    eta: text(),
    notify: boolean().notNull().default(true),
    /** Shown as the update's time; backfillable. */
    displayAt: at().notNull().defaultNow(),
    /** The public promise "Next update by HH:MM"; null once resolved or without cadence. */
    nextUpdateBy: at(),
    /** Why the promise is later than the cadence: console only, never public. */
    nextUpdateReason: text(),
    /** True for the update that reopened a resolved incident. */
    reopened: boolean().notNull().default(false),
    authorId: text().references(() => users.id, { onDelete: "set null" }),
    editedAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("incident_updates_incident_idx").on(t.incidentId, t.displayAt)],
);
export type IncidentUpdate = typeof incidentUpdates.$inferSelect;

/** Component status changes made by one update. */
export const incidentUpdateComponents = pgTable(
  "incident_update_components",
  {
    updateId: text()
      .notNull()
      .references(() => incidentUpdates.id, { onDelete: "cascade" }),
    componentId: text()
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
    oldStatus: componentStatus().notNull(),
    newStatus: componentStatus().notNull(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.componentId] })],
);

/** Earlier versions of an edited update, kept so edits stay visible. */
export const incidentUpdateRevisions = pgTable("incident_update_revisions", {
  id: id(),
  updateId: text()
    .notNull()
    .references(() => incidentUpdates.id, { onDelete: "cascade" }),
  body: text().notNull(),
  editedBy: text().references(() => users.id, { onDelete: "set null" }),
  replacedAt: createdAt(),
});

/** A starting point for a recurring situation: prefills the declare form, declares nothing itself. */
export const incidentTemplates = pgTable("incident_templates", {
  id: id(),
  name: text().notNull().unique(),
  title: text().notNull(),
  severity: severity().notNull(),
  /** Markdown for the first public update. */
  body: text().notNull(),
  /** Components usually affected; no foreign key, so deleting a component leaves templates usable. */
  componentIds: jsonb().$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type IncidentTemplate = typeof incidentTemplates.$inferSelect;

/** One change made to an incident outside an update: corrected details, or a comms-lead handoff. */
export type IncidentChangeKind = "details" | "handoff";
export type IncidentFieldChange = { field: string; from: string | null; to: string | null };

/**
 * What was changed on an incident after declaring, shown on the console timeline
 * (and, for a changed title, in the public history). The audit log keeps the full rows.
 */
export const incidentChanges = pgTable(
  "incident_changes",
  {
    id: id(),
    incidentId: text()
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    kind: text().$type<IncidentChangeKind>().notNull(),
    /** Field by field, with readable values ("Billing: Major outage"), oldest value first. */
    changes: jsonb().$type<IncidentFieldChange[]>().notNull(),
    actorId: text().references(() => users.id, { onDelete: "set null" }),
    actorLabel: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("incident_changes_incident_idx").on(t.incidentId, t.createdAt)],
);
export type IncidentChange = typeof incidentChanges.$inferSelect;
