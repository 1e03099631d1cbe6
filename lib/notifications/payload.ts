import { z } from "zod";
import { safeString } from "../validation/safe-string";
import { COMPONENT_STATUSES } from "../db/schema/enums";
import {
  INCIDENT_EVENTS,
  MAINTENANCE_EVENTS,
  RCA_REMINDER_EVENTS,
  REMINDER_EVENTS,
  type EventType,
} from "./event-types";

const id = safeString().min(1);
const status = z.enum(COMPONENT_STATUSES);

/**
 * Each affected component's status as it was when the update was published:
 * a later message about an earlier update must not show what is true now.
 */
export const componentsAsOfSchema = z.array(
  z.object({ componentId: id, name: safeString(), status }),
);
export type ComponentsAsOf = z.infer<typeof componentsAsOfSchema>;

/**
 * What a publisher stores for the renderer, one schema per event type (the
 * outbox row's event_type is the discriminator; the jsonb column holds the
 * rest). Publishers build it through `notificationPayload`, the worker reads it
 * through `parsePayload`: both sides import this one contract.
 */
export const notificationPayloadSchema = z.discriminatedUnion("eventType", [
  z.object({
    eventType: z.literal(INCIDENT_EVENTS),
    incidentId: id,
    /** Absent on rows queued before statuses were recorded: the renderer falls back to the current ones. */
    components: componentsAsOfSchema.optional(),
  }),
  z.object({
    eventType: z.literal(MAINTENANCE_EVENTS),
    maintenanceId: id,
    components: componentsAsOfSchema.optional(),
    /** maintenance.reminder: the lead it was sent for ("starts in 24 hours"). */
    startsInHours: z.number().int().positive().optional(),
  }),
  z.object({
    eventType: z.literal("postmortem.published"),
    incidentId: id,
    revision: z.number().int().min(1),
  }),
  z.object({
    eventType: z.literal("component.status"),
    componentId: id,
    oldStatus: status,
    newStatus: status,
    at: z.iso.datetime({ offset: true }),
  }),
  z.object({
    eventType: z.literal(REMINDER_EVENTS),
    incidentId: id,
    stage: z.enum(["due_soon", "overdue", "escalated"]),
    dueAt: z.iso.datetime({ offset: true }),
  }),
  z.object({
    eventType: z.literal(RCA_REMINDER_EVENTS),
    incidentId: id,
    stage: z.enum(["due_soon", "overdue"]),
    rcaDueOn: z.iso.date(),
  }),
  z.object({
    eventType: z.literal("subscription.confirm"),
    /** The plain token until the email is sent, then null (scrubbed). */
    token: safeString().nullable().optional(),
    componentIds: z.array(id).nullable().optional(),
    alreadySubscribed: z.boolean().optional(),
  }),
]);

export type NotificationPayload = z.infer<typeof notificationPayloadSchema>;
export type PayloadOf<E extends EventType> = Extract<NotificationPayload, { eventType: E }>;
/** The jsonb column's content: the payload without its discriminator (the row's event_type). */
export type StoredPayload = Record<string, unknown>;

/** Checks a publisher's payload against the contract and returns it as stored. */
export function notificationPayload(payload: NotificationPayload): {
  eventType: EventType;
  payload: StoredPayload;
} {
  const { eventType, ...rest } = notificationPayloadSchema.parse(payload);
  return { eventType, payload: rest };
}

/** The renderer's side: the row's payload, typed by its event type; a row that does not match throws. */
export function parsePayload<E extends EventType>(row: {
  eventType: string;
  payload: StoredPayload;
}): PayloadOf<E> {
  return notificationPayloadSchema.parse({
    ...row.payload,
    eventType: row.eventType,
  }) as PayloadOf<E>;
}
