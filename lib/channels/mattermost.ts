import { TONE_COLORS, UNSUBSCRIBE_LABEL, type ChatMessage } from "./chat-message";
import { fitEscaped, fitPlain } from "./fit-text";

/**
 * Mattermost incoming webhook (Slack-compatible): `text` plus one message
 * attachment with the state's colour, title link and fields.
 * https://developers.mattermost.com/integrate/webhooks/incoming/
 * https://developers.mattermost.com/integrate/reference/message-attachments/
 * A post holds at most 16,383 characters; the body is kept well under it.
 */

/**
 * Mattermost reads Markdown: every Markdown character gets a backslash, and an
 * at-sign gets a word joiner so "@channel" in an update notifies nobody.
 */
export const escapeMattermost = (text: string) =>
  text.replace(/([\\`*_~[\]()#>|<!-])/g, "\\$1").replace(/@/g, "@\u2060");

const LIMITS = { title: 256, text: 4000, field: 1000 };

export function renderMattermost(message: ChatMessage) {
  return {
    text: fitEscaped(message.title, LIMITS.title, (raw) => `**${escapeMattermost(raw)}**`),
    attachments: [
      {
        fallback: fitPlain(`${message.pageName}: ${message.title}`, LIMITS.title),
        color: TONE_COLORS[message.tone],
        author_name: fitPlain(message.pageName, LIMITS.title),
        // Attachment titles are plain text, not Markdown.
        title: fitPlain(message.title, LIMITS.title),
        title_link: message.url,
        text:
          fitEscaped(message.body, LIMITS.text, escapeMattermost) +
          (message.unsubscribeUrl ? `\n\n[${UNSUBSCRIBE_LABEL}](${message.unsubscribeUrl})` : ""),
        fields: message.fields.map((f) => ({
          title: fitPlain(f.name, LIMITS.title),
          value: fitEscaped(f.value, LIMITS.field, escapeMattermost),
          short: true,
        })),
        footer: fitPlain(message.pageName, LIMITS.title),
        ts: Math.floor(message.timestamp.getTime() / 1000),
      },
    ],
  };
}
