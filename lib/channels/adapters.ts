import type { ChatChannel } from "../db/schema/enums";
import type { ChatMessage, ChatRequest } from "./chat-message";
import { renderDiscord } from "./discord";
import { googleChatTarget, renderGoogleChat } from "./google-chat";
import { renderMattermost } from "./mattermost";
import { renderSlack } from "./slack";
import { renderTeams } from "./teams";

/**
 * One entry per chat platform: how a message is drawn, where it is posted, and
 * how fast one URL may be posted to. The worker has one chat path over these.
 */
export type ChatAdapter = {
  render: (message: ChatMessage) => unknown;
  /** The URL actually posted to (Google Chat adds its reply option). */
  target: (url: string) => string;
  /** Least time between two posts to one URL. */
  minIntervalMs: number;
};

const asIs = (url: string) => url;

export const CHAT_ADAPTERS: Record<ChatChannel, ChatAdapter> = {
  // "1 message per second" per incoming webhook, short bursts allowed:
  // https://docs.slack.dev/apis/web-api/rate-limits
  slack: { render: renderSlack, target: asIs, minIntervalMs: 1000 },
  teams: { render: renderTeams, target: asIs, minIntervalMs: 250 },
  // Webhooks share a per-webhook bucket of about 5 requests per 2 s; the 429 body says how long to wait.
  discord: { render: renderDiscord, target: asIs, minIntervalMs: 400 },
  // One message per second per space for writes: https://developers.google.com/workspace/chat/limits
  google_chat: { render: renderGoogleChat, target: googleChatTarget, minIntervalMs: 1000 },
  mattermost: { render: renderMattermost, target: asIs, minIntervalMs: 100 },
};

/** The message as `channel` will receive it, ready to post to `url`. */
export function renderChat(channel: ChatChannel, url: string, message: ChatMessage): ChatRequest {
  return { channel, url, body: JSON.stringify(CHAT_ADAPTERS[channel].render(message)) };
}
