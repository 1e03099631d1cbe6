import type { ChatChannel } from "../db/schema/enums";

type Call = {
  query: URLSearchParams;
  headers: Record<string, unknown>;
  body: string;
  json: unknown;
};
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const len = (v: unknown) => (typeof v === "string" ? [...v].length : 0);

/**
 * What each platform would refuse with a 400, as its documentation states:
 * the stand-ins answer such a payload the way the real service does, so a
 * renderer that breaks a limit fails its test.
 */
export function checkChatPayload(channel: ChatChannel, call: Call): string | null {
  if (!String(call.headers["content-type"] ?? "").startsWith("application/json"))
    return "Content-Type must be application/json";
  if (!isObj(call.json)) return "The body is not a JSON object";
  return CHECKS[channel](call.json, call);
}

const CHECKS: Record<ChatChannel, (body: Obj, call: Call) => string | null> = {
  // https://docs.slack.dev/reference/block-kit/blocks
  slack(body) {
    const blocks = Array.isArray(body.blocks) ? (body.blocks as Obj[]) : [];
    if (typeof body.text !== "string" && blocks.length === 0) return "no_text";
    if (blocks.length > 50) return "invalid_blocks: more than 50 blocks";
    for (const block of blocks) {
      const text = isObj(block.text) ? block.text : null;
      if (block.type === "header" && (text?.type !== "plain_text" || len(text.text) > 150))
        return "invalid_blocks: header must be plain_text of at most 150 characters";
      if (block.type === "section") {
        if (text && len(text.text) > 3000) return "invalid_blocks: section text over 3000";
        const fields = Array.isArray(block.fields) ? (block.fields as Obj[]) : [];
        if (fields.length > 10 || fields.some((f) => len(f.text) > 2000))
          return "invalid_blocks: at most 10 fields of 2000 characters";
      }
    }
    return null;
  },
  // https://learn.microsoft.com/en-us/connectors/teams/#microsoft-teams-webhook
  teams(body, call) {
    const attachments = Array.isArray(body.attachments) ? (body.attachments as Obj[]) : [];
    if (body.type !== "message" || attachments.length !== 1)
      return "Expected one message attachment";
    const [attachment] = attachments;
    if (attachment!.contentType !== "application/vnd.microsoft.card.adaptive")
      return "The attachment is not an Adaptive Card";
    const card = attachment!.content;
    if (!isObj(card) || card.type !== "AdaptiveCard" || !Array.isArray(card.body))
      return "The attachment's content is not an AdaptiveCard";
    if (Buffer.byteLength(call.body) > 28 * 1024) return "The card is larger than 28 KB";
    return null;
  },
  // https://discord.com/developers/docs/resources/message#embed-object-embed-limits
  discord(body) {
    const embeds = Array.isArray(body.embeds) ? (body.embeds as Obj[]) : [];
    if (!body.content && embeds.length === 0) return "Cannot send an empty message";
    if (len(body.content) > 2000) return "content: Must be 2000 or fewer in length.";
    if (embeds.length > 10) return "embeds: Must be 10 or fewer in length.";
    let total = 0;
    for (const embed of embeds) {
      const fields = Array.isArray(embed.fields) ? (embed.fields as Obj[]) : [];
      const footer = isObj(embed.footer) ? embed.footer.text : undefined;
      if (len(embed.title) > 256) return "embeds.0.title: Must be 256 or fewer in length.";
      if (len(embed.description) > 4096)
        return "embeds.0.description: Must be 4096 or fewer in length.";
      if (fields.length > 25) return "embeds.0.fields: Must be 25 or fewer in length.";
      for (const f of fields) {
        if (len(f.name) === 0 || len(f.name) > 256) return "embeds.0.fields.name: 1 to 256";
        if (len(f.value) === 0 || len(f.value) > 1024) return "embeds.0.fields.value: 1 to 1024";
      }
      if (len(footer) > 2048) return "embeds.0.footer.text: Must be 2048 or fewer in length.";
      total +=
        len(embed.title) +
        len(embed.description) +
        len(footer) +
        fields.reduce((n, f) => n + len(f.name) + len(f.value), 0);
    }
    return total > 6000 ? "Embed size exceeds maximum size of 6000" : null;
  },
  // https://developers.google.com/workspace/chat/api/reference/rest/v1/spaces.messages/create
  google_chat(body, call) {
    if (!call.query.get("key") || !call.query.get("token")) return "Missing key or token";
    if (!body.text && !Array.isArray(body.cardsV2)) return "Message is empty";
    return len(body.text) > 4096 ? "text: too long" : null;
  },
  // https://developers.mattermost.com/integrate/webhooks/incoming/
  mattermost(body) {
    if (!body.text && !Array.isArray(body.attachments)) return "Unable to parse incoming data";
    return len(body.text) > 16383 ? "Post text too long" : null;
  },
};
