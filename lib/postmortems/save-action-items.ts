import { and, eq, notInArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { postmortemActionItems } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { loadIncidentForRca } from "./load-incident-for-rca";
import { saveActionItemsSchema } from "./schemas";

/**
 * Replaces the action item list. Statuses change long after publication (that
 * follow-through is the point), so items are not part of a revision.
 */
export async function saveActionItems({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = saveActionItemsSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { incidentId, items } = parsed.data;
  const saved = await ctx.db.transaction(async (tx) => {
    const { postmortem } = await loadIncidentForRca(tx, incidentId);
    if (!postmortem) throw new HeraldError("not_found", "Start the postmortem first.");
    const before = await tx
      .select()
      .from(postmortemActionItems)
      .where(eq(postmortemActionItems.postmortemId, postmortem.id));
    const keep = items
      .map((i) => i.id)
      .filter((id): id is string => Boolean(id) && before.some((b) => b.id === id));
    await tx
      .delete(postmortemActionItems)
      .where(
        and(
          eq(postmortemActionItems.postmortemId, postmortem.id),
          ...(keep.length ? [notInArray(postmortemActionItems.id, keep)] : []),
        ),
      );
    for (const [position, { id, ...item }] of items.entries()) {
      if (id && keep.includes(id))
        await tx
          .update(postmortemActionItems)
          .set({ ...item, position })
          .where(eq(postmortemActionItems.id, id));
      else
        await tx
          .insert(postmortemActionItems)
          .values({ ...item, position, postmortemId: postmortem.id });
    }
    const after = await tx
      .select()
      .from(postmortemActionItems)
      .where(eq(postmortemActionItems.postmortemId, postmortem.id))
      .orderBy(postmortemActionItems.position);
    await recordAudit(tx, ctx.actor, {
      action: "postmortem.action_items",
      targetType: "postmortem",
      targetId: postmortem.id,
      before,
      after,
    });
    return after;
  });
  return saved;
}
