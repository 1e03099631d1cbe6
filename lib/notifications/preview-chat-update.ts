import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import {
  components,
  incidentComponents,
  incidents,
  INCIDENT_STATES,
  subscribers,
  type ChatChannel,
} from "../db/schema";
import { isChatChannel } from "../db/schema/enums";
import { HeraldError, notFound } from "../errors";
import { requireRole } from "../auth/authorize";
import { safeString } from "../validation/safe-string";
import { getPageSettings } from "../settings/get-page-settings";
import { renderChat } from "../channels/adapters";
import { CHAT_LABELS, type ChatMessage } from "../channels/chat-message";
import { smsLength } from "../sms/segments";
import { smsFromMessage } from "../sms/sms-text";
import { readBack, type ChatPreview } from "../channels/read-back";
import { incidentChatMessage } from "./render/chat-messages";

const optionalText = safeString().max(20_000).optional();
export const previewChatSchema = z.object({
  incidentId: safeString().min(1, "Which incident?"),
  state: z.enum(INCIDENT_STATES, { error: "Choose a state." }),
  body: safeString().max(20_000, "The update is too long."),
  internalNote: optionalText,
  businessImpact: optionalText,
  eta: optionalText,
});

export type ChannelPreview = ChatPreview & {
  /** slack_app: a stakeholder channel in Slack app mode, drawn by the Slack renderer. */
  channel: ChatChannel | "slack_app" | "sms";
  label: string;
  audience: "public" | "internal";
};

/**
 * The composer's preview: the draft as each configured chat channel (a
 * platform with active subscribers, or a stakeholder channel) will show it,
 * drawn by the same renderers the worker uses and read back from their
 * payloads, so limits and escaping show as they will arrive. Statuses are the
 * components' current ones; the next-update time follows the cadence.
 */
export async function previewChatUpdate({
  ctx,
  input,
  baseUrl,
  now = new Date(),
}: {
  ctx: Ctx;
  input: unknown;
  baseUrl: string;
  now?: Date;
}): Promise<ChannelPreview[]> {
  requireRole(ctx.actor, "editor");
  const parsed = previewChatSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const draft = parsed.data;
  const [incident] = await ctx.db
    .select()
    .from(incidents)
    .where(eq(incidents.id, draft.incidentId));
  if (!incident) throw notFound("Incident");
  const [settings, affected, configured] = await Promise.all([
    getPageSettings(ctx.db),
    ctx.db
      .select({ name: components.name, status: components.status })
      .from(incidentComponents)
      .innerJoin(components, eq(components.id, incidentComponents.componentId))
      .where(eq(incidentComponents.incidentId, incident.id)),
    ctx.db
      .selectDistinct({ kind: subscribers.kind, audience: subscribers.audience })
      .from(subscribers)
      .where(and(eq(subscribers.state, "active"))),
  ]);
  const page = {
    pageName: settings.name,
    brandColor: settings.brandColor,
    baseUrl,
    timeZone: settings.timeZone,
  };
  const nextUpdateBy =
    incident.cadenceMinutes && draft.state !== "resolved"
      ? new Date(now.getTime() + incident.cadenceMinutes * 60_000)
      : null;
  const message = (audience: "public" | "internal") =>
    incidentChatMessage({
      page,
      incident,
      update: { ...draft, displayAt: now, nextUpdateBy },
      components: affected,
      internal: audience === "internal",
    });
  const texts = configured.flatMap(({ kind, audience }) =>
    kind === "sms" && audience !== "team" ? [smsPreview(message(audience), audience)] : [],
  );
  const chats = configured
    .flatMap(({ kind, audience }) =>
      (isChatChannel(kind) || kind === "slack_app") && audience !== "team"
        ? [{ channel: kind, audience }]
        : [],
    )
    .sort((a, b) => a.channel.localeCompare(b.channel) || a.audience.localeCompare(b.audience))
    .map(({ channel, audience }): ChannelPreview => {
      const drawn = message(audience);
      // Slack app mode posts the same Block Kit as the incoming webhook (its reply in the thread).
      const platform = channel === "slack_app" ? "slack" : channel;
      const request = renderChat(platform, "https://preview.invalid/", drawn);
      return {
        channel,
        label: channel === "slack_app" ? "Slack channel (app)" : CHAT_LABELS[channel],
        audience,
        ...readBack(platform, request.body),
        linkLabel: drawn.linkLabel,
      };
    });
  return [...chats, ...texts];
}

/** The text exactly as sent, with what it costs: parts and the encoding that decides them. */
function smsPreview(message: ChatMessage, audience: "public" | "internal"): ChannelPreview {
  const text = smsFromMessage(message);
  const { segments, encoding, units } = smsLength(text);
  return {
    channel: "sms",
    label: "SMS",
    audience,
    title: message.title,
    body: text,
    fields: [
      {
        name: "Length",
        value: `${segments} ${segments === 1 ? "segment" : "segments"} · ${encoding} · ${units} ${encoding === "GSM-7" ? "characters" : "UCS-2 units"}`,
      },
      {
        name: "Sent to",
        value:
          "Everyone for a new incident, a change of state or the resolution; otherwise only numbers that chose every update",
      },
    ],
    linkLabel: "",
  };
}
