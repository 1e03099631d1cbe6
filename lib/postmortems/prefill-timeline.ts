import { STATUS_LABELS } from "../components/status";
import type { ComponentStatus } from "../db/schema";
import { formatDateTime } from "../time/format";

type TimelineInput = {
  timeZone: string;
  startedAt: Date;
  updates: { displayAt: Date; state: string; body: string }[];
  statusEvents: { at: Date; componentName: string; toStatus: ComponentStatus }[];
};

/** First sentence (or line) of an update, so the timeline reads as a list, not a copy. */
function headline(body: string): string {
  const text = body
    .replace(/\*\*|__|[#>`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const sentence = text.match(/^.{1,200}?[.!?](\s|$)/)?.[0] ?? text.slice(0, 200);
  return sentence.trim();
}

/**
 * The timeline section's starting point: every public update and component
 * change in order, in the page's time zone. The author then edits freely.
 */
export function prefillTimeline({
  timeZone,
  startedAt,
  updates,
  statusEvents,
}: TimelineInput): string {
  const entries = [
    { at: startedAt, text: "Incident began." },
    ...updates.map((u) => ({
      at: u.displayAt,
      text: `${u.state[0]!.toUpperCase()}${u.state.slice(1)}: ${headline(u.body)}`,
    })),
    ...statusEvents.map((e) => ({
      at: e.at,
      text: `${e.componentName} → ${STATUS_LABELS[e.toStatus]}.`,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return entries.map((e) => `- **${formatDateTime(e.at, timeZone)}**: ${e.text}`).join("\n");
}
