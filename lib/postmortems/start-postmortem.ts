import { asc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import {
  components,
  componentStatusEvents,
  incidentUpdates,
  postmortems,
  type PostmortemSections,
} from "../db/schema";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { actorUserId } from "../context";
import { getPageSettings } from "../settings/get-page-settings";
import { loadIncidentForRca } from "./load-incident-for-rca";
import { prefillTimeline } from "./prefill-timeline";

/** Prompts that structure each section; the editor replaces them. */
const IMPACT_PROMPT = "**Who was affected:** \n\n**For how long:** \n\n**How much:** ";

/** Editors only, resolved incidents only. Returns the existing draft if there is one. */
export async function startPostmortem({ ctx, incidentId }: { ctx: Ctx; incidentId: string }) {
  requireRole(ctx.actor, "editor");
  return ctx.db.transaction(async (tx) => {
    const { incident, postmortem } = await loadIncidentForRca(tx, incidentId);
    if (postmortem) return postmortem;
    const [settings, updates, events] = await Promise.all([
      getPageSettings(tx),
      tx
        .select()
        .from(incidentUpdates)
        .where(eq(incidentUpdates.incidentId, incidentId))
        .orderBy(asc(incidentUpdates.displayAt)),
      tx
        .select({
          at: componentStatusEvents.at,
          toStatus: componentStatusEvents.toStatus,
          componentName: components.name,
        })
        .from(componentStatusEvents)
        .innerJoin(components, eq(components.id, componentStatusEvents.componentId))
        .where(eq(componentStatusEvents.incidentId, incidentId)),
    ]);
    const sections: PostmortemSections = {
      summary: "",
      impact: IMPACT_PROMPT,
      timeline: prefillTimeline({
        timeZone: settings.timeZone,
        startedAt: incident.startedAt,
        updates,
        statusEvents: events,
      }),
      rootCause: "",
      fiveWhys: ["", "", "", "", ""],
      resolution: "",
      wentWell: "",
      wentBadly: "",
    };
    const [created] = await tx
      .insert(postmortems)
      .values({ incidentId, sections, authorId: actorUserId(ctx.actor) })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "postmortem.start",
      targetType: "postmortem",
      targetId: created!.id,
      after: { incidentId },
    });
    return created!;
  });
}
