import { index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { IntegrationRule, RuleAction } from "../../inbound/rules";
import { at, createdAt, id, updatedAt } from "./columns";
import { componentStatus, integrationType, severity, type ComponentStatus } from "./enums";
import { users } from "./auth";

/**
 * A source of alerts with its own inbound URL /api/inbound/{id}. The token is
 * stored as a SHA-256 hash and shown once, like API keys: a leaked database
 * backup must not let anyone post alerts that turn the page red.
 */
export const integrations = pgTable("integrations", {
  id: id(),
  type: integrationType().notNull(),
  name: text().notNull(),
  tokenHash: text().notNull().unique(),
  /** PagerDuty's webhook signing secret: kept as given, since verifying an HMAC needs it. */
  signingSecret: text(),
  /** An alert must fire this long before it changes anything public. */
  holdDownSeconds: integer().notNull().default(60),
  rules: jsonb().$type<IntegrationRule[]>().notNull().default([]),
  /** Heartbeats: a ping is expected at least this often. */
  heartbeatIntervalSeconds: integer(),
  lastPingAt: at(),
  /** Set while a heartbeat is overdue and its components are marked down. */
  heartbeatDownAt: at(),
  createdBy: text().references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type Integration = typeof integrations.$inferSelect;

/** One received request and what Herald did with it, for the integration's page. */
export const inboundEvents = pgTable(
  "inbound_events",
  {
    id: id(),
    integrationId: text()
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    httpStatus: integer().notNull(),
    /** What Herald did, one line per alert ("Checkout → major outage", "duplicate", …). */
    outcome: jsonb().$type<string[]>().notNull(),
    /** The body as received, cut to a few KB: enough to see why a payload was refused. */
    payload: text().notNull(),
    receivedAt: createdAt(),
  },
  (t) => [index("inbound_events_integration_idx").on(t.integrationId, t.receivedAt)],
);
export type InboundEvent = typeof inboundEvents.$inferSelect;

export type AutomaticChange = { componentId: string; from: ComponentStatus; to: ComponentStatus };

/** The state of one alert (by fingerprint, group key or tool incident id): deduplication, hold-down, restore. */
export const inboundAlerts = pgTable(
  "inbound_alerts",
  {
    id: id(),
    integrationId: text()
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    key: text().notNull(),
    groupKey: text(),
    status: text().$type<"firing" | "resolved">().notNull(),
    title: text().notNull(),
    summary: text(),
    componentIds: jsonb().$type<string[]>().notNull().default([]),
    targetStatus: componentStatus(),
    actions: jsonb().$type<RuleAction[]>().notNull().default([]),
    /** When the tool says the alert started (falls back to first receipt). */
    startedAt: at().notNull(),
    /** Herald's own first receipt of this firing: the hold-down counts from here. */
    firstSeenAt: at().notNull(),
    lastSeenAt: at().notNull(),
    resolvedAt: at(),
    /** Hold-down passed and the actions were carried out. */
    appliedAt: at(),
    restoredAt: at(),
    changes: jsonb().$type<AutomaticChange[]>().notNull().default([]),
    draftId: text(),
  },
  (t) => [
    uniqueIndex("inbound_alerts_key_idx").on(t.integrationId, t.key),
    index("inbound_alerts_pending_idx").on(t.status, t.appliedAt),
  ],
);
export type InboundAlert = typeof inboundAlerts.$inferSelect;

export type DraftComponent = { componentId: string; status: ComponentStatus };

/**
 * An incident proposed from alerts and not yet public. A table of its own,
 * rather than a state on incidents, so no public reader can ever show one:
 * publishing declares a real incident and links it here.
 */
export const incidentDrafts = pgTable(
  "incident_drafts",
  {
    id: id(),
    /** Plain text: the draft outlives a deleted integration. */
    integrationId: text(),
    /** Drafted from an upstream status page's incident instead (plain text, as above). */
    upstreamPageId: text(),
    groupKey: text().notNull(),
    title: text().notNull(),
    severity: severity().notNull(),
    components: jsonb().$type<DraftComponent[]>().notNull().default([]),
    /** First public update, prefilled in the composer's structure from the alert's summary. */
    body: text().notNull(),
    firstAlertAt: at().notNull(),
    /** Every alert behind the draft resolved (published: a "monitoring" update is suggested). */
    alertsResolvedAt: at(),
    publishedIncidentId: text(),
    publishedAt: at(),
    dismissedAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("incident_drafts_group_idx").on(t.integrationId, t.groupKey)],
);
export type IncidentDraft = typeof incidentDrafts.$inferSelect;
