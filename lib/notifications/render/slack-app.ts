import { asc, eq } from "drizzle-orm";
import { incidentUpdates, type OutboxRow } from "../../db/schema";
import { slackContent } from "../../slack-app/thread-message";
import { parsePayload } from "../payload";
import type { IncidentEvent } from "../event-types";
import { chatPage } from "./chat-delivery";
import { incidentChatMessage } from "./chat-messages";
import type { Delivery } from "./delivery";
import { loadUpdate, statusesAsOfUpdate } from "./incident";
import type { RenderContext } from "./render-context";

/**
 * A stakeholder channel in Slack app mode gets the internal version, drawn by
 * the Slack renderer: this update as a thread reply, and the root as it reads
 * now. The root keeps the first update's words (what the channel first read)
 * under the incident's current state, title, components and next-update time.
 */
export async function renderSlackAppIncident(
  ctx: RenderContext,
  row: OutboxRow,
): Promise<Delivery> {
  const loaded = await ctx.memo(`update:${row.subjectId}`, () => loadUpdate(ctx.db, row.subjectId));
  if (!loaded) return { kind: "skip", reason: "The update was deleted before it was sent." };
  const { update, incident } = loaded;
  const [first] = await ctx.memo(`first-update:${incident.id}`, () =>
    ctx.db
      .select()
      .from(incidentUpdates)
      .where(eq(incidentUpdates.incidentId, incident.id))
      .orderBy(asc(incidentUpdates.createdAt), asc(incidentUpdates.id))
      .limit(1),
  );
  const page = chatPage(ctx);
  const reply = incidentChatMessage({
    page,
    incident,
    update,
    components: statusesAsOfUpdate(parsePayload<IncidentEvent>(row).components, incident),
    internal: true,
  });
  // incident.updates is newest first.
  const latest = incident.updates[0] ?? update;
  const root = incidentChatMessage({
    page,
    incident,
    update: { ...(first ?? update), state: incident.state, nextUpdateBy: latest.nextUpdateBy },
    components: incident.components,
    internal: true,
  });
  return {
    kind: "slack_app",
    message: {
      subscriberId: row.subscriberId!,
      channelId: row.recipient,
      incidentId: incident.id,
      isFirstUpdate: (first?.id ?? update.id) === update.id,
      updateOrder: update.createdAt.getTime(),
      reply: slackContent(reply),
      root: slackContent(root),
    },
  };
}
