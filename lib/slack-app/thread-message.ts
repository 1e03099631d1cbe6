import type { ChatMessage } from "../channels/chat-message";
import { renderSlack } from "../channels/slack";

/** What chat.postMessage and chat.update take from Herald: Block Kit plus the plain `text` fallback. */
export type SlackContent = { text: string; blocks: unknown[] };

/**
 * One update for one Slack app channel: `reply` is this update (a thread
 * reply, or the root itself for the incident's first message); `root` is the
 * root message as it should read now (the incident's current state, title and
 * components), posted first or edited in place.
 */
export type SlackThreadMessage = {
  subscriberId: string;
  channelId: string;
  incidentId: string;
  /** This row is the incident's first update: its message is the root itself, not a reply. */
  isFirstUpdate: boolean;
  /** When the update was written (ms): an incident's messages go out in this order. */
  updateOrder: number;
  reply: SlackContent;
  root: SlackContent;
};

/** The incoming-webhook renderer's Block Kit, reused: the Web API takes the same blocks and fallback. */
export function slackContent(message: ChatMessage): SlackContent {
  const { text, blocks } = renderSlack(message);
  return { text, blocks };
}
