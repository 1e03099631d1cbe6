import { inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { actorUserId } from "../context";
import { components, maintenanceComponents, maintenances, maintenanceUpdates } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { enqueueMaintenanceNotifications } from "../notifications/enqueue-maintenance";
import { scheduleMaintenanceSchema } from "./schemas";

/** Announces a maintenance window; components are untouched until it starts. */
export async function scheduleMaintenance({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = scheduleMaintenanceSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { components: componentIds, ...values } = parsed.data;
  const created = await ctx.db.transaction(async (tx) => {
    const known = await tx
      .select({ id: components.id })
      .from(components)
      .where(inArray(components.id, componentIds));
    if (known.length !== new Set(componentIds).size)
      throw new HeraldError("invalid", "Please correct the highlighted fields.", {
        components: "A chosen component no longer exists.",
      });
    const [row] = await tx
      .insert(maintenances)
      .values({ ...values, createdBy: actorUserId(ctx.actor) })
      .returning();
    await tx
      .insert(maintenanceComponents)
      .values(known.map((c) => ({ maintenanceId: row!.id, componentId: c.id })));
    await tx.insert(maintenanceUpdates).values({
      maintenanceId: row!.id,
      state: "scheduled",
      body: values.body,
      notify: values.notify,
      authorId: actorUserId(ctx.actor),
    });
    await enqueueMaintenanceNotifications(tx, { maintenanceId: row!.id, state: "scheduled" });
    await recordAudit(tx, ctx.actor, {
      action: "maintenance.schedule",
      targetType: "maintenance",
      targetId: row!.id,
      after: { ...row, components: componentIds },
    });
    return row!;
  });
  return created;
}
