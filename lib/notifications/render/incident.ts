import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { incidents, incidentUpdates, type IncidentState, type OutboxRow } from "../../db/schema";
import { STATE_LABELS } from "../../incidents/severity";
import { STATUS_LABELS } from "../../components/status";
import { SEVERITY_IMPACT_LABELS } from "../../public/labels";
import { hydrateIncidents } from "../../public/hydrate-incidents";
import { renderMarkdown } from "../../markdown/render-markdown";
import { serializeIncident } from "../../statuspage/serialize-incident";
import { formatDateTime, formatTime } from "../../time/format";
import IncidentUpdateEmail from "../../../emails/incident-update";
import StakeholderUpdateEmail from "../../../emails/stakeholder-update";
import type { IncidentUpdateContentProps } from "../../../emails/_components/incident-update-content";
import { parsePayload, type ComponentsAsOf } from "../payload";
import type { IncidentEvent } from "../event-types";
import { directMail, subscriberMail, webhookBody, type Delivery } from "./delivery";
import { chatDelivery, chatPage, isMessageChannel } from "./chat-delivery";
import { incidentChatMessage } from "./chat-messages";
import type { RenderContext } from "./render-context";

const STATE_COLORS: Record<IncidentState, string> = {
  investigating: "#b91c1c",
  identified: "#b45309",
  monitoring: "#1d4ed8",
  resolved: "#15803d",
};

/** An update with its hydrated incident (memoised per batch by callers). */
export async function loadUpdate(db: Db, updateId: string) {
  const [row] = await db.select().from(incidentUpdates).where(eq(incidentUpdates.id, updateId));
  if (!row) return null;
  const [incident] = await hydrateIncidents(
    db,
    await db.select().from(incidents).where(eq(incidents.id, row.incidentId)),
  );
  return incident ? { update: row, incident } : null;
}

/** Incident created/updated/resolved: the public email, the stakeholders' internal email, or the webhook body. */
export async function renderIncidentEvent(
  ctx: RenderContext,
  row: OutboxRow,
  webhookSecret: string | null,
): Promise<Delivery> {
  const loaded = await ctx.memo(`update:${row.subjectId}`, () => loadUpdate(ctx.db, row.subjectId));
  if (!loaded) return { kind: "skip", reason: "The update was deleted before it was sent." };
  const { update, incident } = loaded;
  const asOf = statusesAsOfUpdate(parsePayload<IncidentEvent>(row).components, incident);
  if (row.channel === "webhook") {
    const { wire } = await ctx.wire();
    const serialized = serializeIncident(incident, wire);
    // The components as they were when this update was published, not as they are at delivery.
    const components = serialized.components.map((c) => ({
      ...c,
      status: asOf.find((a) => a.componentId === c.id)?.status ?? c.status,
    }));
    return {
      kind: "webhook",
      url: row.recipient,
      secret: webhookSecret!,
      body: webhookBody(ctx, row, pageOf(wire), { incident: { ...serialized, components } }),
    };
  }
  if (isMessageChannel(row.channel))
    return chatDelivery(
      ctx,
      row,
      incidentChatMessage({
        page: chatPage(ctx),
        incident,
        update,
        components: asOf,
        internal: row.audience === "internal",
      }),
    );
  const tz = ctx.settings.timeZone;
  // Formatting and Markdown are per update, not per recipient: built once per batch.
  const content = await ctx.memo(
    `incident-content:${update.id}:${JSON.stringify(asOf)}`,
    async (): Promise<IncidentUpdateContentProps> => ({
      incidentTitle: incident.title,
      incidentUrl: `${ctx.baseUrl}/incidents/${incident.id}`,
      stateLabel: STATE_LABELS[update.state],
      stateColor: STATE_COLORS[update.state],
      impactLabel: SEVERITY_IMPACT_LABELS[incident.impact],
      bodyHtml: renderMarkdown(update.body),
      postedAt: formatDateTime(update.displayAt, tz),
      components: asOf.map((c) => ({ name: c.name, status: STATUS_LABELS[c.status] })),
      nextUpdateBy: update.nextUpdateBy ? formatTime(update.nextUpdateBy, tz) : null,
      brandColor: ctx.brand.brandColor,
    }),
  );
  const subject = `${content.stateLabel}: ${incident.title}`;
  if (row.audience === "internal") {
    return directMail(
      ctx,
      row,
      `[Internal] ${subject}`,
      StakeholderUpdateEmail,
      {
        ...content,
        brand: ctx.brand,
        internalNote: update.internalNote,
        businessImpact: update.businessImpact,
        eta: update.eta,
      },
      { list: "stakeholders" },
    );
  }
  return subscriberMail(
    ctx,
    row,
    `[${ctx.settings.name}] ${subject}`,
    IncidentUpdateEmail,
    (footer) => ({ ...content, brand: ctx.brand, footer }),
  );
}

/**
 * The statuses recorded when the update was published (its payload); a row
 * queued before they were recorded falls back to the incident's affected list.
 */
export function statusesAsOfUpdate(
  recorded: ComponentsAsOf | undefined,
  incident: { components: ComponentsAsOf },
): ComponentsAsOf {
  return recorded ?? incident.components;
}

export function pageOf(wire: {
  page: { id: string; name: string; url: string };
  status: { indicator: string; description: string };
}) {
  return {
    id: wire.page.id,
    name: wire.page.name,
    url: wire.page.url,
    status_indicator: wire.status.indicator,
    status_description: wire.status.description,
  };
}
