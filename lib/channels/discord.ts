import { TONE_COLORS, UNSUBSCRIBE_LABEL, type ChatMessage } from "./chat-message";
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

/** Room kept for the description when fields compete with it for the 6,000 total. */
const DESCRIPTION_FLOOR = 1000;

export function renderDiscord(message: ChatMessage) {
  const L = DISCORD_LIMITS;
  const title = fitEscaped(message.title, L.title, escapeDiscord);
  const footer = fitEscaped(message.pageName, L.fieldName, escapeDiscord);
  const description = message.body || message.linkLabel;
  // Fields take what the total leaves after the title, the footer and some description; the rest are dropped.
  let budget =
    L.total -
    title.length -
    footer.length -
    Math.min(DESCRIPTION_FLOOR, escapeDiscord(description).length);
  const fields: { name: string; value: string; inline: boolean }[] = [];
  for (const f of message.fields.slice(0, L.fields)) {
    const name = fitEscaped(f.name, L.fieldName, escapeDiscord);
    const room = Math.min(L.fieldValue, budget - name.length);
    if (room < 20) break;
    const value = fitEscaped(f.value || "—", room, escapeDiscord);
    fields.push({ name, value, inline: true });
    budget -= name.length + value.length;
  }
  const used =
    title.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  return {
    // Nothing in an update may ping @everyone, a role or a person.
    allowed_mentions: { parse: [] },
    // Outside the embed and its 6,000 budget; <…> keeps Discord from previewing the page.
    ...(message.unsubscribeUrl
      ? { content: `[${UNSUBSCRIBE_LABEL}](<${message.unsubscribeUrl}>)` }
      : {}),
    embeds: [
      {
        title,
        url: message.url,
        description: fitEscaped(
          description,
          Math.min(L.description, L.total - used),
          escapeDiscord,
        ),
        color: parseInt(TONE_COLORS[message.tone].slice(1), 16),
        fields,
        timestamp: message.timestamp.toISOString(),
        footer: { text: footer },
      },
    ],
  };
}
