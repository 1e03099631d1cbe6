import type { ComponentStatus, Impact, IncidentState } from "../../db/schema";
import { STATE_LABELS } from "../../incidents/severity";
import { STATUS_LABELS } from "../../components/status";
import { SEVERITY_IMPACT_LABELS } from "../../public/labels";
import { formatTime } from "../../time/format";
import type { ChatMessage, ChatTone } from "../../channels/chat-message";
import { markdownToPlainText } from "../../channels/plain-text";

/**
 * The channel-neutral message for each event, from plain values so the worker
 * (from the database) and the composer's preview (from a draft) build the same
 * thing. The per-platform renderers in lib/channels/ take it from here.
 */
export type Page = { pageName: string; brandColor: string; baseUrl: string; timeZone: string };

const STATE_TONES: Record<IncidentState, ChatTone> = {
  investigating: "attention",
  identified: "warning",
  monitoring: "accent",
  resolved: "good",
};

const componentsField = (components: readonly { name: string; status: ComponentStatus }[]) =>
  components.length
    ? [
        {
          name: "Components",
          value: components.map((c) => `${c.name}: ${STATUS_LABELS[c.status]}`).join("\n"),
        },
      ]
    : [];

const base = (page: Page) => ({ pageName: page.pageName, brandColor: page.brandColor });

export function incidentChatMessage({
  page,
  incident,
  update,
  components,
  internal,
}: {
  page: Page;
  incident: { id: string; title: string; impact: Impact };
  update: {
    state: IncidentState;
    body: string;
    displayAt: Date;
    nextUpdateBy: Date | null;
    internalNote?: string | null;
    businessImpact?: string | null;
    eta?: string | null;
  };
  /** Statuses as of this update. */
  components: readonly { name: string; status: ComponentStatus }[];
  /** The stakeholders' version: the internal note, business impact and ETA too. */
  internal: boolean;
}): ChatMessage {
  const extra = internal
    ? [
        ["Internal note", update.internalNote],
        ["Business impact", update.businessImpact],
        ["ETA", update.eta],
      ].flatMap(([name, value]) =>
        value ? [{ name: name!, value: markdownToPlainText(value) }] : [],
      )
    : [];
  return {
    ...base(page),
    title: `${internal ? "[Internal] " : ""}${STATE_LABELS[update.state]}: ${incident.title}`,
    url: `${page.baseUrl}/incidents/${incident.id}`,
    linkLabel: "View incident",
    tone: STATE_TONES[update.state],
    body: markdownToPlainText(update.body),
    fields: [
      { name: "Impact", value: SEVERITY_IMPACT_LABELS[incident.impact] },
      ...componentsField(components),
      ...(update.nextUpdateBy && update.state !== "resolved"
        ? [{ name: "Next update by", value: formatTime(update.nextUpdateBy, page.timeZone) }]
        : []),
      ...extra,
    ],
    threadKey: `herald-incident-${incident.id}`,
    timestamp: update.displayAt,
  };
}

export function maintenanceChatMessage({
  page,
  maintenance,
  label,
  window,
  body,
  componentNames,
  at,
}: {
  page: Page;
  maintenance: { id: string; title: string };
  label: string;
  window: string;
  body: string;
  componentNames: readonly string[];
  at: Date;
}): ChatMessage {
  return {
    ...base(page),
    title: `${label}: ${maintenance.title}`,
    url: `${page.baseUrl}/maintenance/${maintenance.id}`,
    linkLabel: "View maintenance",
    tone: label.includes("completed") || label.includes("cancelled") ? "good" : "accent",
    body: markdownToPlainText(body),
    fields: [
      { name: "Window", value: window },
      ...(componentNames.length ? [{ name: "Components", value: componentNames.join(", ") }] : []),
    ],
    threadKey: `herald-maintenance-${maintenance.id}`,
    timestamp: at,
  };
}

export function postmortemChatMessage({
  page,
  incident,
  summary,
  revised,
  at,
}: {
  page: Page;
  incident: { id: string; title: string };
  summary: string;
  revised: boolean;
  at: Date;
}): ChatMessage {
  return {
    ...base(page),
    title: `${revised ? "Postmortem revised" : "Postmortem"}: ${incident.title}`,
    url: `${page.baseUrl}/incidents/${incident.id}/postmortem`,
    linkLabel: "Read the postmortem",
    tone: "accent",
    body: markdownToPlainText(summary),
    fields: [],
    threadKey: `herald-incident-${incident.id}`,
    timestamp: at,
  };
}

/** The chat double opt-in: the channel gets a link that starts the subscription. */
export function confirmationChatMessage({
  page,
  subscriberId,
  url,
  componentNames,
  expiresInHours,
  at,
}: {
  page: Page;
  subscriberId: string;
  url: string;
  componentNames: readonly string[] | null;
  expiresInHours: number;
  at: Date;
}): ChatMessage {
  return {
    ...base(page),
    title: `Activate ${page.pageName} status updates in this channel`,
    url,
    linkLabel: "Activate updates",
    tone: "accent",
    body:
      `Someone asked ${page.pageName} to post its status updates to this channel. ` +
      `Open the link within ${expiresInHours} hours to start them. ` +
      "If nobody here asked, ignore this message: nothing more will be posted.",
    fields: [
      { name: "Follows", value: componentNames ? componentNames.join(", ") : "All components" },
    ],
    threadKey: `herald-subscription-${subscriberId}`,
    timestamp: at,
  };
}
