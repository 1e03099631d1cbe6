import type { Ctx } from "../context";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { changeComponentStatuses } from "./change-component-status";
import { setComponentStatusSchema } from "./schemas";

/** A manual status change outside any incident (e.g. a quick "degraded" while triaging); recorded as an event. */
export async function setComponentStatus({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = setComponentStatusSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { componentId, status } = parsed.data;
  const changes = await ctx.db.transaction(async (tx) => {
    const applied = await changeComponentStatuses(tx, ctx.actor, [{ componentId, status }], {
      cause: "manual",
      at: new Date(),
    });
    for (const change of applied) {
      await recordAudit(tx, ctx.actor, {
        action: "component.status",
        targetType: "component",
        targetId: componentId,
        before: { status: change.oldStatus },
        after: { status: change.newStatus },
      });
    }
    return applied;
  });
  return changes[0] ?? null;
}
