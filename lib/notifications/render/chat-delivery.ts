import type { OutboxRow } from "../../db/schema";
import { isChatChannel } from "../../db/schema/enums";
import { renderChat } from "../../channels/adapters";
import type { ChatMessage } from "../../channels/chat-message";
import type { Page } from "./chat-messages";
import type { Delivery } from "./delivery";
import type { RenderContext } from "./render-context";
import { smsFromMessage } from "../../sms/sms-text";

export const chatPage = (ctx: RenderContext): Page => ({
  pageName: ctx.settings.name,
  brandColor: ctx.brand.brandColor,
  baseUrl: ctx.baseUrl,
  timeZone: ctx.settings.timeZone,
});

/** Channels drawn from the channel-neutral message: the chat platforms and SMS. */
export const isMessageChannel = (channel: string) => channel === "sms" || isChatChannel(channel);

/**
 * A chat row's message, drawn by its platform's renderer for its webhook URL (or
 * as a text for SMS, where STOP unsubscribes). A public chat subscriber's
 * message carries its own unsubscribe link, as an email does; the activation
 * message does not (the channel is not subscribed yet).
 */
export function chatDelivery(ctx: RenderContext, row: OutboxRow, message: ChatMessage): Delivery {
  if (row.channel === "sms")
    return { kind: "sms", to: row.recipient, body: smsFromMessage(message) };
  if (!isChatChannel(row.channel))
    return { kind: "skip", reason: `${row.channel} is not a chat channel.` };
  const unsubscribeUrl =
    row.audience === "public" && row.subscriberId && row.eventType !== "subscription.confirm"
      ? ctx.subscriberLinks(row.subscriberId).unsubscribeUrl
      : undefined;
  return {
    kind: "chat",
    request: renderChat(row.channel, row.recipient, { ...message, unsubscribeUrl }),
  };
}
