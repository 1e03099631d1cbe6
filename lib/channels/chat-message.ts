import type { ChatChannel } from "../db/schema/enums";

/**
 * What every chat renderer starts from: one update (or notice) in words,
 * before any platform's markup. Every string is plain text; each renderer
 * escapes it for its own markup and fits it to its own limits.
 */
export type ChatMessage = {
  /** The page's name: who is speaking (branding). */
  pageName: string;
  /** The page's brand colour (#rrggbb), used where a platform shows one accent. */
  brandColor: string;
  /** e.g. "Investigating: API errors". */
  title: string;
  /** The public page for this incident, maintenance or postmortem. */
  url: string;
  linkLabel: string;
  /** How serious it reads: red while investigating, green once resolved… */
  tone: ChatTone;
  /** The update's text, Markdown already reduced to plain text. */
  body: string;
  /** Component statuses as of the update, "Next update by", and for stakeholders the internal fields. */
  fields: { name: string; value: string }[];
  /** One thread per incident or maintenance, where the platform has threads (Google Chat). */
  threadKey: string;
  timestamp: Date;
  /**
   * A public subscriber's own link to stop the updates (a page with a button, so a
   * platform's link preview cannot unsubscribe anyone). Absent for stakeholders.
   */
  unsubscribeUrl?: string;
};

export const UNSUBSCRIBE_LABEL = "Unsubscribe this channel";

export type ChatTone = "attention" | "warning" | "accent" | "good";

/** One colour per tone for platforms that take a hex colour (Discord, Mattermost). */
export const TONE_COLORS: Record<ChatTone, string> = {
  attention: "#b91c1c",
  warning: "#b45309",
  accent: "#1d4ed8",
  good: "#15803d",
};

/** A rendered message, ready for the outbound client. */
export type ChatRequest = { channel: ChatChannel; url: string; body: string };

export const CHAT_LABELS: Record<ChatChannel, string> = {
  slack: "Slack",
  teams: "Microsoft Teams",
  discord: "Discord",
  google_chat: "Google Chat",
  mattermost: "Mattermost",
};
