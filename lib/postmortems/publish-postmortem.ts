import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { actorUserId } from "../context";
import { postmortemRevisions, postmortems } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { enqueuePostmortemNotifications } from "../notifications/enqueue-postmortem";
import { loadIncidentForRca } from "./load-incident-for-rca";
import { publishableSchema } from "./schemas";

/**
 * Publishes the current draft as a new revision. The first publish makes the
 * RCA public; later ones are revisions, each kept, so the page can say
 * "revised on …" and show what changed.
 */
export async function publishPostmortem({ ctx, incidentId }: { ctx: Ctx; incidentId: string }) {
  requireRole(ctx.actor, "editor");
  const published = await ctx.db.transaction(async (tx) => {
    const { postmortem } = await loadIncidentForRca(tx, incidentId);
    if (!postmortem) throw new HeraldError("not_found", "Start the postmortem first.");
    const parsed = publishableSchema.safeParse(postmortem.sections);
    if (!parsed.success)
      throw HeraldError.fromZod(parsed.error, "Some sections are needed before publishing.");
    const revision = postmortem.publishedRevision + 1;
    const now = new Date();
    await tx.insert(postmortemRevisions).values({
      postmortemId: postmortem.id,
      revision,
      sections: postmortem.sections,
      publishedBy: actorUserId(ctx.actor),
      publishedAt: now,
    });
    const [after] = await tx
      .update(postmortems)
      .set({
        state: "published",
        publishedRevision: revision,
        firstPublishedAt: postmortem.firstPublishedAt ?? now,
        lastPublishedAt: now,
      })
      .where(eq(postmortems.id, postmortem.id))
      .returning();
    // The first publication is news for subscribers; a revision is announced on the page ("revised on …"), not by email.
    if (revision === 1)
      await enqueuePostmortemNotifications(tx, { postmortemId: postmortem.id, revision });
    await recordAudit(tx, ctx.actor, {
      action: revision === 1 ? "postmortem.publish" : "postmortem.revise",
      targetType: "postmortem",
      targetId: postmortem.id,
      after: { revision },
    });
    return after!;
  });
  return published;
}
