import { ZodError } from "zod";
import type { OutboxRow, Subscriber } from "../../db/schema";
import {
  isIncidentEvent,
  isMaintenanceEvent,
  isRcaReminderEvent,
  isReminderEvent,
} from "../event-types";
import type { Delivery } from "./delivery";
import { renderIncidentEvent } from "./incident";
import { renderSlackAppIncident } from "./slack-app";
import { renderMaintenanceEvent } from "./maintenance";
import { renderComponentStatus, renderConfirmation, renderReminder } from "./misc";
import { renderPostmortemEvent } from "./postmortem";
import { renderRcaReminder } from "./rca-reminder";
import type { RenderContext } from "./render-context";

/**
 * Turns an outbox row into what to send, from the database as it is now: an
 * update edited before delivery goes out edited, and a subscriber who left
 * meanwhile gets nothing.
 */
export async function renderDelivery(
  ctx: RenderContext,
  row: OutboxRow,
  subscriber: Subscriber | undefined,
): Promise<Delivery> {
  return renderByEvent(ctx, row, subscriber).catch((error: unknown) => {
    // A payload that breaks the contract will not parse on a retry either.
    if (error instanceof ZodError)
      return { kind: "skip", reason: `Unreadable payload for ${row.eventType}: ${error.message}` };
    throw error;
  });
}

async function renderByEvent(
  ctx: RenderContext,
  row: OutboxRow,
  subscriber: Subscriber | undefined,
): Promise<Delivery> {
  if (row.subscriberId && row.eventType !== "subscription.confirm") {
    if (!subscriber || subscriber.state !== "active")
      return { kind: "skip", reason: "The subscriber left or was disabled before delivery." };
  }
  if (row.channel === "slack_app")
    return isIncidentEvent(row.eventType)
      ? renderSlackAppIncident(ctx, row)
      : {
          kind: "skip",
          reason: `Slack app channels get incident updates only, not ${row.eventType}.`,
        };
  // Texts carry incidents, maintenance and the opt-in code; anything else would reach a phone as an email.
  if (
    row.channel === "sms" &&
    !isIncidentEvent(row.eventType) &&
    !isMaintenanceEvent(row.eventType)
  )
    if (row.eventType !== "subscription.confirm")
      return { kind: "skip", reason: `${row.eventType} is not sent by SMS.` };
  const secret = subscriber?.webhookSecret ?? null;
  if (isIncidentEvent(row.eventType)) return renderIncidentEvent(ctx, row, secret);
  if (isMaintenanceEvent(row.eventType)) return renderMaintenanceEvent(ctx, row, secret);
  if (isReminderEvent(row.eventType)) return renderReminder(ctx, row);
  if (isRcaReminderEvent(row.eventType)) return renderRcaReminder(ctx, row);
  switch (row.eventType) {
    case "postmortem.published":
      return renderPostmortemEvent(ctx, row, secret);
    case "component.status":
      return renderComponentStatus(ctx, row, secret);
    case "subscription.confirm":
      return renderConfirmation(ctx, row);
  }
  return { kind: "skip", reason: `Unknown event type ${row.eventType}.` };
}
