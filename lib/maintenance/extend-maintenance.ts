import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { actorUserId } from "../context";
import { maintenances, maintenanceUpdates } from "../db/schema";
import { HeraldError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { enqueueMaintenanceNotifications } from "../notifications/enqueue-maintenance";
import { getPageSettings } from "../settings/get-page-settings";
import { formatStamp } from "../time/format";
import { extendMaintenanceSchema } from "./schemas";

/** Pushes a window's end later (work overrunning), telling customers so. */
export async function extendMaintenance({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = extendMaintenanceSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { maintenanceId, scheduledUntil, body, notify } = parsed.data;
  const { timeZone } = await getPageSettings(ctx.db);
  const updated = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(maintenances)
      .where(eq(maintenances.id, maintenanceId))
      .for("update");
    if (!before) throw notFound("Maintenance");
    if (before.state === "completed" || before.state === "cancelled")
      throw new HeraldError(
        "conflict",
        `This maintenance is ${before.state}; it cannot be extended.`,
      );
    if (scheduledUntil <= before.scheduledUntil) {
      throw new HeraldError("invalid", "Please correct the highlighted fields.", {
        scheduledUntil: "The new end must be later than the current one.",
      });
    }
    const [after] = await tx
      .update(maintenances)
      .set({ scheduledUntil })
      .where(eq(maintenances.id, maintenanceId))
      .returning();
    // In the page's zone, as customers read every other time on the page.
    const defaultBody = `The maintenance window has been extended to ${formatStamp(scheduledUntil, timeZone)}.`;
    const [update] = await tx
      .insert(maintenanceUpdates)
      .values({
        maintenanceId,
        state: before.state,
        body: body ?? defaultBody,
        notify,
        authorId: actorUserId(ctx.actor),
      })
      .returning({ id: maintenanceUpdates.id });
    if (notify)
      await enqueueMaintenanceNotifications(tx, {
        maintenanceId,
        state: before.state,
        updateId: update!.id,
      });
    await recordAudit(tx, ctx.actor, {
      action: "maintenance.extend",
      targetType: "maintenance",
      targetId: maintenanceId,
      before,
      after,
    });
    return after!;
  });
  return updated;
}
