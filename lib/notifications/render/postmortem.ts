import { eq } from "drizzle-orm";
import { incidents, postmortems, type OutboxRow } from "../../db/schema";
import { hydrateIncidents } from "../../public/hydrate-incidents";
import { renderMarkdown } from "../../markdown/render-markdown";
import { serializeIncident } from "../../statuspage/serialize-incident";
import { formatDateTime, formatTime } from "../../time/format";
import PostmortemPublishedEmail from "../../../emails/postmortem-published";
import { parsePayload } from "../payload";
import { isChatChannel } from "../../db/schema/enums";
import { subscriberMail, webhookBody, type Delivery } from "./delivery";
import { chatDelivery, chatPage } from "./chat-delivery";
import { postmortemChatMessage } from "./chat-messages";
import { pageOf } from "./incident";
import type { RenderContext } from "./render-context";

export async function renderPostmortemEvent(
  ctx: RenderContext,
  row: OutboxRow,
  webhookSecret: string | null,
): Promise<Delivery> {
  const loaded = await ctx.memo(`postmortem:${row.subjectId}`, async () => {
    const [pm] = await ctx.db.select().from(postmortems).where(eq(postmortems.id, row.subjectId));
    if (!pm || pm.state !== "published") return null;
    const [incident] = await hydrateIncidents(
      ctx.db,
      await ctx.db.select().from(incidents).where(eq(incidents.id, pm.incidentId)),
    );
    return incident ? { pm, incident } : null;
  });
  if (!loaded)
    return {
      kind: "skip",
      reason: "The postmortem was unpublished or deleted before it was sent.",
    };
  const { pm, incident } = loaded;
  if (row.channel === "webhook") {
    const { wire } = await ctx.wire();
    const body = webhookBody(ctx, row, pageOf(wire), {
      incident: { ...serializeIncident(incident, wire), status: "postmortem" },
      postmortem: {
        url: `${ctx.baseUrl}/incidents/${incident.id}/postmortem`,
        revision: pm.publishedRevision,
      },
    });
    return { kind: "webhook", url: row.recipient, secret: webhookSecret!, body };
  }
  if (isChatChannel(row.channel))
    return chatDelivery(
      ctx,
      row,
      postmortemChatMessage({
        page: chatPage(ctx),
        incident,
        summary: pm.sections.summary,
        revised: parsePayload<"postmortem.published">(row).revision > 1,
        at: ctx.now,
      }),
    );
  const tz = ctx.settings.timeZone;
  // Per revision, not per recipient: built once per batch.
  const props = await ctx.memo(
    `postmortem-content:${row.subjectId}:${row.payload.revision}`,
    async () => ({
      brand: ctx.brand,
      incidentTitle: incident.title,
      url: `${ctx.baseUrl}/incidents/${incident.id}/postmortem`,
      summaryHtml: renderMarkdown(pm.sections.summary),
      duration: `${formatDateTime(incident.startedAt, tz)}${incident.resolvedAt ? ` – ${formatTime(incident.resolvedAt, tz)}` : ""}`,
      revised: parsePayload<"postmortem.published">(row).revision > 1,
    }),
  );
  return subscriberMail(
    ctx,
    row,
    `[${ctx.settings.name}] Postmortem: ${incident.title}`,
    PostmortemPublishedEmail,
    (footer) => ({ ...props, footer }),
  );
}
