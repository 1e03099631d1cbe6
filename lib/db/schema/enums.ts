import { pgEnum } from "drizzle-orm/pg-core";

/** Worst first: the order is used to compute the overall status. */
export const COMPONENT_STATUSES = [
  "major_outage",
  "partial_outage",
  "degraded_performance",
  "under_maintenance",
  "operational",
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];
export const componentStatus = pgEnum("component_status", COMPONENT_STATUSES);

/** integration: set by an inbound alert or heartbeat (SPEC §9), with the integration's id on the event. */
export const STATUS_CAUSES = [
  "incident",
  "maintenance",
  "manual",
  "import",
  "integration",
] as const;
export type StatusCause = (typeof STATUS_CAUSES)[number];
export const statusCause = pgEnum("status_cause", STATUS_CAUSES);

export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const severity = pgEnum("severity", SEVERITIES);

export const IMPACTS = ["none", "minor", "major", "critical"] as const;
export type Impact = (typeof IMPACTS)[number];
export const impact = pgEnum("impact", IMPACTS);

export const INCIDENT_STATES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];
export const incidentState = pgEnum("incident_state", INCIDENT_STATES);

export const MAINTENANCE_STATES = [
  "scheduled",
  "in_progress",
  "verifying",
  "completed",
  "cancelled",
] as const;
export type MaintenanceState = (typeof MAINTENANCE_STATES)[number];
export const maintenanceState = pgEnum("maintenance_state", MAINTENANCE_STATES);

export const ROLES = ["owner", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const role = pgEnum("role", ROLES);

export const POSTMORTEM_STATES = ["draft", "published"] as const;
export const postmortemState = pgEnum("postmortem_state", POSTMORTEM_STATES);

export const ACTION_ITEM_STATUSES = ["open", "in_progress", "done", "wont_do"] as const;
export const actionItemStatus = pgEnum("action_item_status", ACTION_ITEM_STATUSES);

/**
 * Chat platforms Herald posts to through an incoming-webhook URL (one renderer
 * and one delivery adapter each, under lib/channels/).
 */
export const CHAT_CHANNELS = ["slack", "teams", "discord", "google_chat", "mattermost"] as const;
export type ChatChannel = (typeof CHAT_CHANNELS)[number];
export const isChatChannel = (value: string): value is ChatChannel =>
  (CHAT_CHANNELS as readonly string[]).includes(value);

/**
 * Slack app mode (SLACK_BOT_TOKEN): a stakeholder channel reached by its channel
 * id through the Web API, one thread per incident. Not an incoming webhook, so
 * not a ChatChannel (lib/slack-app/ delivers it).
 */
export const SLACK_APP = "slack_app";

export const SUBSCRIBER_KINDS = ["email", "webhook", ...CHAT_CHANNELS, SLACK_APP, "sms"] as const;
export type SubscriberKind = (typeof SUBSCRIBER_KINDS)[number];
export const subscriberKind = pgEnum("subscriber_kind", SUBSCRIBER_KINDS);

export const SUBSCRIBER_STATES = ["pending", "active", "unsubscribed", "disabled"] as const;
export const subscriberState = pgEnum("subscriber_state", SUBSCRIBER_STATES);

export const TOKEN_PURPOSES = ["confirm", "manage", "unsubscribe"] as const;
export const tokenPurpose = pgEnum("token_purpose", TOKEN_PURPOSES);

export const CHANNELS = ["email", "webhook", ...CHAT_CHANNELS, SLACK_APP, "sms"] as const;
export type Channel = (typeof CHANNELS)[number];
export const channel = pgEnum("channel", CHANNELS);

/** Who a message is written for: the public body, or the internal version. */
export const AUDIENCES = ["public", "internal", "team"] as const;
export const audience = pgEnum("audience", AUDIENCES);

/** skipped: nothing to send any more (the subscriber left, the subject was deleted); not a failure. */
export const DELIVERY_STATES = ["pending", "sending", "sent", "failed", "skipped"] as const;
export const deliveryState = pgEnum("delivery_state", DELIVERY_STATES);

/** Why an address is never mailed again: a hard bounce (provider or SMTP 5xx) or a spam complaint. */
export const SUPPRESSION_REASONS = ["bounced", "complained"] as const;
export const suppressionReason = pgEnum("suppression_reason", SUPPRESSION_REASONS);
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** The tools whose webhooks /api/inbound/{id} understands (SPEC §9). */
export const INTEGRATION_TYPES = [
  "alertmanager",
  "grafana",
  "pagerduty",
  "opsgenie",
  "datadog",
  "generic",
  "heartbeat",
] as const;
export type IntegrationType = (typeof INTEGRATION_TYPES)[number];
export const integrationType = pgEnum("integration_type", INTEGRATION_TYPES);
