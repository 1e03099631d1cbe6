/** What an outbox row is about; the worker picks the template (or webhook body) from it. */
export const INCIDENT_EVENTS = [
  "incident.created",
  "incident.updated",
  "incident.resolved",
] as const;
export const MAINTENANCE_EVENTS = [
  "maintenance.scheduled",
  "maintenance.started",
  "maintenance.updated",
  "maintenance.completed",
  "maintenance.cancelled",
  "maintenance.reminder",
] as const;
export const REMINDER_EVENTS = [
  "reminder.due_soon",
  "reminder.overdue",
  "reminder.escalated",
] as const;
export const RCA_REMINDER_EVENTS = ["rca_reminder.due_soon", "rca_reminder.overdue"] as const;

export type IncidentEvent = (typeof INCIDENT_EVENTS)[number];
export type MaintenanceEvent = (typeof MAINTENANCE_EVENTS)[number];
export type ReminderEvent = (typeof REMINDER_EVENTS)[number];
export type RcaReminderEvent = (typeof RCA_REMINDER_EVENTS)[number];
export type EventType =
  | IncidentEvent
  | MaintenanceEvent
  | ReminderEvent
  | RcaReminderEvent
  | "postmortem.published"
  | "component.status"
  | "subscription.confirm";

export const isIncidentEvent = (t: string): t is IncidentEvent =>
  (INCIDENT_EVENTS as readonly string[]).includes(t);
export const isMaintenanceEvent = (t: string): t is MaintenanceEvent =>
  (MAINTENANCE_EVENTS as readonly string[]).includes(t);
export const isReminderEvent = (t: string): t is ReminderEvent =>
  (REMINDER_EVENTS as readonly string[]).includes(t);
export const isRcaReminderEvent = (t: string): t is RcaReminderEvent =>
  (RCA_REMINDER_EVENTS as readonly string[]).includes(t);
