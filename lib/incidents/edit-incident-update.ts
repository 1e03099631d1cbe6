import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { actorUserId } from "../context";
import { incidentUpdateRevisions, incidentUpdates } from "../db/schema";
import { HeraldError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { editIncidentUpdateSchema } from "./schemas";

/** Corrects a published update's body; the previous text is kept as a revision and the update shows "edited". */
export async function editIncidentUpdate({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = editIncidentUpdateSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { updateId, body, expectedUpdatedAt } = parsed.data;
  const result = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(incidentUpdates)
      .where(eq(incidentUpdates.id, updateId))
      .for("update");
    if (!before) throw notFound("Update");
    if (expectedUpdatedAt && before.updatedAt.toISOString() !== expectedUpdatedAt) {
      throw new HeraldError(
        "conflict",
        "Someone edited this update meanwhile. Reload to see their change.",
      );
    }
    if (before.body === body) return before;
    await tx
      .insert(incidentUpdateRevisions)
      .values({ updateId, body: before.body, editedBy: actorUserId(ctx.actor) });
    const [after] = await tx
      .update(incidentUpdates)
      .set({ body, editedAt: new Date() })
      .where(eq(incidentUpdates.id, updateId))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "incident.update.edit",
      targetType: "incident_update",
      targetId: updateId,
      before: { body: before.body },
      after: { body: after!.body },
    });
    return after!;
  });
  return result;
}
