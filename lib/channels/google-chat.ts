import { UNSUBSCRIBE_LABEL, type ChatMessage } from "./chat-message";
import { fitEscaped, fitPlain } from "./fit-text";

/**
 * Google Chat incoming webhook: a card (cardsV2) in one thread per incident.
 * The thread is named by `thread.threadKey`, and the URL asks to reply in it
 * or start it (`messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD`).
 * https://developers.google.com/workspace/chat/quickstart/webhooks
 * https://developers.google.com/workspace/chat/api/reference/rest/v1/spaces.messages/create
 * Card text takes a small HTML subset, so &, < and > are escaped.
 */
export const escapeGoogleChat = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const LIMITS = { title: 200, body: 4000, field: 1000 };

/** The webhook URL (which carries its key and token) with the reply option added. */
export function googleChatTarget(url: string): string {
  const target = new URL(url);
  target.searchParams.set("messageReplyOption", "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD");
  return target.toString();
}

export function renderGoogleChat(message: ChatMessage) {
  return {
    fallbackText: fitPlain(`${message.pageName}: ${message.title}`, LIMITS.title),
    thread: { threadKey: message.threadKey },
    cardsV2: [
      {
        cardId: "herald-update",
        card: {
          // Header title and subtitle are plain text.
          header: {
            title: fitPlain(message.title, LIMITS.title),
            subtitle: fitPlain(message.pageName, LIMITS.title),
          },
          sections: [
            {
              widgets: [
                ...(message.body
                  ? [
                      {
                        textParagraph: {
                          text: fitEscaped(message.body, LIMITS.body, escapeGoogleChat),
                        },
                      },
                    ]
                  : []),
                ...message.fields.map((f) => ({
                  decoratedText: {
                    topLabel: fitPlain(f.name, LIMITS.title),
                    text: fitEscaped(f.value, LIMITS.field, escapeGoogleChat),
                    wrapText: true,
                  },
                })),
                {
                  buttonList: {
                    buttons: [
                      { text: message.linkLabel, onClick: { openLink: { url: message.url } } },
                      ...(message.unsubscribeUrl
                        ? [
                            {
                              text: UNSUBSCRIBE_LABEL,
                              onClick: { openLink: { url: message.unsubscribeUrl } },
                            },
                          ]
                        : []),
                    ],
                  },
                },
              ],
            },
          ],
        },
      },
    ],
  };
}
