import { UNSUBSCRIBE_LABEL, type ChatMessage } from "./chat-message";
import { fitEscaped, fitPlain } from "./fit-text";

/**
 * Slack incoming webhook: Block Kit blocks plus a plain `text` fallback (shown
 * in notifications and by clients that cannot draw blocks).
 * https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks
 * Limits: https://docs.slack.dev/reference/block-kit/blocks (header 150,
 * section text 3,000, at most 10 fields of 2,000 each).
 */

/** Slack's mrkdwn treats only these three as control characters; everything else is literal. */
export const escapeSlack = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const LIMITS = { header: 150, section: 3000, field: 2000, fields: 10, fallback: 3000 };

export function renderSlack(message: ChatMessage) {
  const fields = message.fields.slice(0, LIMITS.fields).map((f) => {
    const name = `*${fitEscaped(f.name, 100, escapeSlack)}*\n`;
    return {
      type: "mrkdwn",
      text: name + fitEscaped(f.value, LIMITS.field - name.length, escapeSlack),
    };
  });
  const link = `<${message.url}|${escapeSlack(message.linkLabel)}>`;
  return {
    text: fitEscaped(`${message.pageName}: ${message.title}`, LIMITS.fallback, escapeSlack),
    blocks: [
      {
        type: "header",
        // plain_text is never parsed as markup: no escaping, only the length limit.
        text: { type: "plain_text", text: fitPlain(message.title, LIMITS.header), emoji: false },
      },
      ...(message.body
        ? [
            {
              type: "section",
              text: { type: "mrkdwn", text: fitEscaped(message.body, LIMITS.section, escapeSlack) },
            },
          ]
        : []),
      ...(fields.length ? [{ type: "section", fields }] : []),
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: [
              link,
              escapeSlack(message.pageName),
              ...(message.unsubscribeUrl
                ? [`<${message.unsubscribeUrl}|${UNSUBSCRIBE_LABEL}>`]
                : []),
            ].join(" · "),
          },
        ],
      },
    ],
    unfurl_links: false,
  };
}
