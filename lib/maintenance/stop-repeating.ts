import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { maintenances } from "../db/schema";
import { HeraldError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { safeString } from "../validation/safe-string";

const stopRepeatingSchema = z.object({ maintenanceId: safeString().trim().min(1) });

/**
 * Ends a recurring window's series: no occurrence is scheduled after the ones
 * that already are (each stays a normal window, cancellable on its own).
 */
export async function stopRepeatingMaintenance({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = stopRepeatingSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  return ctx.db.transaction(async (tx) => {
    const [window] = await tx
      .select()
      .from(maintenances)
      .where(eq(maintenances.id, parsed.data.maintenanceId));
    if (!window) throw notFound("Maintenance");
    if (!window.seriesId || !window.repeat)
      throw new HeraldError("conflict", "This window does not repeat.");
    const stopped = await tx
      .update(maintenances)
      .set({ repeat: null })
      .where(and(eq(maintenances.seriesId, window.seriesId), isNotNull(maintenances.repeat)))
      .returning({ id: maintenances.id });
    await recordAudit(tx, ctx.actor, {
      action: "maintenance.stop_repeating",
      targetType: "maintenance",
      targetId: window.id,
      before: { repeat: window.repeat, seriesId: window.seriesId },
      after: { repeat: null, occurrences: stopped.map((s) => s.id) },
    });
    return { stopped: stopped.length };
  });
}
