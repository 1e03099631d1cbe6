import { eq } from "drizzle-orm";
import { components, incidents, type OutboxRow } from "../../db/schema";
import { formatTime } from "../../time/format";
import { CONFIRM_TOKEN_TTL_MS } from "../../subscribers/tokens";
import CadenceReminderEmail from "../../../emails/cadence-reminder";
import type { ReminderEvent } from "../event-types";
import { parsePayload } from "../payload";
import ConfirmSubscriptionEmail from "../../../emails/confirm-subscription";
import { isChatChannel } from "../../db/schema/enums";
import { smsCodeText } from "../../sms/sms-text";
import { directMail, subscriberMail, webhookBody, type Delivery } from "./delivery";
import { chatDelivery, chatPage } from "./chat-delivery";
import { confirmationChatMessage } from "./chat-messages";
import { pageOf } from "./incident";
import type { RenderContext } from "./render-context";

/** payload: { incidentId, stage, dueAt } — see lib/worker/enqueue-reminders. */
export async function renderReminder(ctx: RenderContext, row: OutboxRow): Promise<Delivery> {
  const [incident] = await ctx.db.select().from(incidents).where(eq(incidents.id, row.subjectId));
  if (!incident || incident.state === "resolved")
    return { kind: "skip", reason: "The incident was resolved before the reminder went out." };
  const { stage, dueAt } = parsePayload<ReminderEvent>(row);
  const subject =
    stage === "due_soon"
      ? `Update due in 5 min: ${incident.title}`
      : `Update overdue: ${incident.title}`;
  return directMail(ctx, row, subject, CadenceReminderEmail, {
    brand: ctx.brand,
    stage,
    incidentTitle: incident.title,
    dueAt: formatTime(new Date(dueAt), ctx.settings.timeZone),
    consoleUrl: `${ctx.baseUrl}/admin/incidents/${incident.id}`,
  });
}

/**
 * payload: { token, componentIds | null } for a new subscription (the token is
 * scrubbed once sent), or { alreadySubscribed } for an address that already
 * receives updates: that one is a subscriber email, with the unsubscribe headers.
 */
export async function renderConfirmation(ctx: RenderContext, row: OutboxRow): Promise<Delivery> {
  const payload = parsePayload<"subscription.confirm">(row);
  if (row.channel === "sms")
    return {
      kind: "sms",
      to: row.recipient,
      body: smsCodeText(
        ctx.settings.name,
        String(payload.token),
        `${ctx.baseUrl}/subscribe/sms?phone=${encodeURIComponent(row.recipient)}`,
      ),
    };
  const ids = payload.componentIds;
  const names = ids
    ? (await ctx.db.select({ id: components.id, name: components.name }).from(components))
        .filter((c) => ids.includes(c.id))
        .map((c) => c.name)
    : null;
  const props = {
    brand: ctx.brand,
    componentNames: names,
    expiresInHours: CONFIRM_TOKEN_TTL_MS / 3_600_000,
  };
  if (isChatChannel(row.channel))
    return chatDelivery(
      ctx,
      row,
      confirmationChatMessage({
        page: chatPage(ctx),
        subscriberId: row.subscriberId ?? row.subjectId,
        url: `${ctx.baseUrl}/subscribe/confirm?token=${String(payload.token)}`,
        componentNames: names,
        expiresInHours: props.expiresInHours,
        at: ctx.now,
      }),
    );
  if (payload.alreadySubscribed === true) {
    return subscriberMail(
      ctx,
      row,
      `Your subscription to ${ctx.settings.name}`,
      ConfirmSubscriptionEmail,
      (links) => ({ ...props, url: links.manageUrl, alreadySubscribed: true }),
    );
  }
  return directMail(
    ctx,
    row,
    `Confirm your subscription to ${ctx.settings.name}`,
    ConfirmSubscriptionEmail,
    {
      ...props,
      url: `${ctx.baseUrl}/subscribe/confirm?token=${String(payload.token)}`,
      alreadySubscribed: false,
    },
  );
}

/** Statuspage's component_update webhook shape. */
export async function renderComponentStatus(
  ctx: RenderContext,
  row: OutboxRow,
  webhookSecret: string | null,
): Promise<Delivery> {
  const { wire } = await ctx.wire();
  const component = wire.componentById.get(row.subjectId);
  if (!component) return { kind: "skip", reason: "The component is hidden or was deleted." };
  const p = parsePayload<"component.status">(row);
  const body = webhookBody(ctx, row, pageOf(wire), {
    component_update: {
      created_at: p.at,
      new_status: p.newStatus,
      old_status: p.oldStatus,
      component_id: component.id,
    },
    component,
  });
  return { kind: "webhook", url: row.recipient, secret: webhookSecret!, body };
}
