import { TONE_COLORS, type ChatMessage } from "./chat-message";
import { fitEscaped } from "./fit-text";

/**
 * Discord Execute Webhook with one embed.
 * https://discord.com/developers/docs/resources/webhook#execute-webhook
 * Embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
 * title 256, description 4,096, 25 fields (name 256, value 1,024), footer
 * 2,048, and 6,000 characters over all of them; `content` 2,000.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
};

/**
 * Discord Markdown: a backslash before every formatting character, and before
 * the characters that start a heading, list or quote at a line's start.
 * Mentions are switched off separately (`allowed_mentions`).
 */
export const escapeDiscord = (text: string) =>
  text.replace(/([\\*_~`|[\]()<>])/g, "\\$1").replace(/^(\s*)([#>+-]|\d+\.)/gm, "$1\\$2");

export function renderDiscord(message: ChatMessage) {
  const L = DISCORD_LIMITS;
  const title = fitEscaped(message.title, L.title, escapeDiscord);
  const footer = fitEscaped(message.pageName, L.footer, escapeDiscord);
  const fields = message.fields.slice(0, L.fields).map((f) => ({
    name: fitEscaped(f.name, L.fieldName, escapeDiscord),
    value: fitEscaped(f.value || "—", L.fieldValue, escapeDiscord),
    inline: true,
  }));
  const used =
    title.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  // The description gets what the 6,000-character total leaves.
  const room = Math.max(1, Math.min(L.description, L.total - used));
  return {
    // Nothing in an update may ping @everyone, a role or a person.
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title,
        url: message.url,
        description: fitEscaped(message.body || message.linkLabel, room, escapeDiscord),
        color: parseInt(TONE_COLORS[message.tone].slice(1), 16),
        fields,
        timestamp: message.timestamp.toISOString(),
        footer: { text: footer },
      },
    ],
  };
}
