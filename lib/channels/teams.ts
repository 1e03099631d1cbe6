import { UNSUBSCRIBE_LABEL, type ChatMessage, type ChatTone } from "./chat-message";
import { fitEscaped } from "./fit-text";

/**
 * Microsoft Teams through a Workflows webhook ("Post to a channel when a
 * webhook request is received"): a `message` with one Adaptive Card 1.5
 * attachment. The retired Office 365 connector card (MessageCard) is not used.
 * https://learn.microsoft.com/en-us/connectors/teams/#microsoft-teams-webhook
 * https://adaptivecards.io/explorer/AdaptiveCard.html
 * A card may be at most 28 KB, so the body is cut well before that.
 */

/**
 * TextBlock reads a Markdown subset: a backslash before its formatting
 * characters, and before what starts a list or heading at a line's start.
 */
export const escapeTeams = (text: string) =>
  text.replace(/([\\*_~`[\]()])/g, "\\$1").replace(/^(\s*)([#>+-]|\d+\.)/gm, "$1\\$2");

const COLORS: Record<ChatTone, string> = {
  attention: "Attention",
  warning: "Warning",
  accent: "Accent",
  good: "Good",
};
const LIMITS = { title: 300, body: 10_000, factName: 100, factValue: 800, facts: 12 };
/** Workflows refuse cards over 28 KB; a little is kept for the envelope. */
const MAX_BYTES = 27_000;

export function renderTeams(message: ChatMessage) {
  // Bytes, not characters, are limited: a body in a non-Latin script is cut shorter.
  for (let body = LIMITS.body; ; body = Math.floor(body / 2)) {
    const payload = teamsPayload(message, body);
    if (Buffer.byteLength(JSON.stringify(payload)) <= MAX_BYTES || body < 100) return payload;
  }
}

function teamsPayload(message: ChatMessage, bodyLimit: number) {
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.5",
    body: [
      {
        type: "TextBlock",
        text: fitEscaped(message.pageName, LIMITS.title, escapeTeams),
        size: "Small",
        isSubtle: true,
        wrap: true,
      },
      {
        type: "TextBlock",
        text: fitEscaped(message.title, LIMITS.title, escapeTeams),
        weight: "Bolder",
        size: "Medium",
        color: COLORS[message.tone],
        wrap: true,
      },
      ...(message.body
        ? [
            {
              type: "TextBlock",
              text: fitEscaped(message.body, bodyLimit, escapeTeams),
              wrap: true,
            },
          ]
        : []),
      ...(message.fields.length
        ? [
            {
              type: "FactSet",
              facts: message.fields.slice(0, LIMITS.facts).map((f) => ({
                title: fitEscaped(f.name, LIMITS.factName, escapeTeams),
                value: fitEscaped(f.value, LIMITS.factValue, escapeTeams),
              })),
            },
          ]
        : []),
    ],
    actions: [
      { type: "Action.OpenUrl", title: message.linkLabel, url: message.url },
      ...(message.unsubscribeUrl
        ? [{ type: "Action.OpenUrl", title: UNSUBSCRIBE_LABEL, url: message.unsubscribeUrl }]
        : []),
    ],
    msteams: { width: "Full" },
  };
  return {
    type: "message",
    attachments: [
      { contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card },
    ],
  };
}
