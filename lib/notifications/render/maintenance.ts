import { eq } from "drizzle-orm";
import { maintenances, type OutboxRow } from "../../db/schema";
import { hydrateMaintenances } from "../../public/hydrate-maintenances";
import { renderMarkdown } from "../../markdown/render-markdown";
import { isListedMaintenance, serializeMaintenance } from "../../statuspage/serialize-maintenance";
import { formatDateTime, formatTime } from "../../time/format";
import MaintenanceNoticeEmail, { type MaintenanceKind } from "../../../emails/maintenance-notice";
import { parsePayload } from "../payload";
import type { MaintenanceEvent } from "../event-types";
import { subscriberMail, webhookBody, type Delivery } from "./delivery";
import { chatDelivery, chatPage, isMessageChannel } from "./chat-delivery";
import { maintenanceChatMessage } from "./chat-messages";
import { pageOf } from "./incident";
import type { RenderContext } from "./render-context";

const hours = (n: number) => (n === 1 ? "1 hour" : `${n} hours`);

/** Scheduled, started, updated, completed or cancelled maintenance, and reminders before it starts. */
export async function renderMaintenanceEvent(
  ctx: RenderContext,
  row: OutboxRow,
  webhookSecret: string | null,
): Promise<Delivery> {
  const payload = parsePayload<MaintenanceEvent>(row);
  const maintenanceId = payload.maintenanceId;
  const maintenance = await ctx.memo(`maintenance:${maintenanceId}`, async () => {
    const [m] = await hydrateMaintenances(
      ctx.db,
      await ctx.db.select().from(maintenances).where(eq(maintenances.id, maintenanceId)),
    );
    return m ?? null;
  });
  if (!maintenance)
    return { kind: "skip", reason: "The maintenance was deleted before it was sent." };
  if (row.channel === "webhook") {
    const { wire } = await ctx.wire();
    const asOf = payload.components ?? [];
    const listed = isListedMaintenance(maintenance)
      ? serializeMaintenance(maintenance, wire)
      : null;
    const data = listed
      ? {
          // Components as they were when this notice was queued, not as they are at delivery.
          scheduled_maintenance: {
            ...listed,
            components: listed.components.map((c) => ({
              ...c,
              status: asOf.find((a) => a.componentId === c.id)?.status ?? c.status,
            })),
          },
        }
      : {
          scheduled_maintenance: {
            id: maintenance.id,
            name: maintenance.title,
            status: maintenance.state,
          },
        };
    return {
      kind: "webhook",
      url: row.recipient,
      secret: webhookSecret!,
      body: webhookBody(ctx, row, pageOf(wire), data),
    };
  }
  const tz = ctx.settings.timeZone;
  const kind = row.eventType.replace("maintenance.", "") as MaintenanceKind;
  // An update's own words when the notice is about one; the window's description otherwise.
  const body = maintenance.updates.find((u) => u.id === row.subjectId)?.body ?? maintenance.body;
  // Per notice, not per recipient: built once per batch.
  const props = await ctx.memo(
    `maintenance-content:${row.eventType}:${row.subjectId}`,
    async () => ({
      brand: ctx.brand,
      kind,
      title: maintenance.title,
      url: `${ctx.baseUrl}/maintenance/${maintenance.id}`,
      window: `${formatDateTime(maintenance.scheduledFor, tz)} – ${formatTime(maintenance.scheduledUntil, tz)}`,
      bodyHtml: renderMarkdown(body),
      components: maintenance.components.map((c) => c.name),
    }),
  );
  const label = {
    scheduled: "Scheduled maintenance",
    started: "Maintenance started",
    updated: "Maintenance update",
    completed: "Maintenance completed",
    cancelled: "Maintenance cancelled",
    reminder: `Maintenance in ${hours(payload.startsInHours ?? 1)}`,
  }[kind];
  if (isMessageChannel(row.channel))
    return chatDelivery(
      ctx,
      row,
      maintenanceChatMessage({
        page: chatPage(ctx),
        maintenance,
        label,
        window: props.window,
        body,
        componentNames: props.components,
        at: ctx.now,
      }),
    );
  return subscriberMail(
    ctx,
    row,
    `[${ctx.settings.name}] ${label}: ${maintenance.title}`,
    MaintenanceNoticeEmail,
    (footer) => ({ ...props, footer }),
  );
}
