import { inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { components } from "../db/schema";
import { newId } from "../ids";
import { HeraldError } from "../errors";
import { requireRole } from "../auth/authorize";
import { insertMaintenanceWindow } from "./insert-maintenance-window";
import { scheduleMaintenanceSchema } from "./schemas";

/** Announces a maintenance window (or the first of a recurring series); components are untouched until it starts. */
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
    const id = newId();
    const { repeat, repeatUntil, ...window } = values;
    return (await insertMaintenanceWindow(
      tx,
      ctx.actor,
      {
        ...window,
        id,
        ...(repeat === "none" ? {} : { repeat, repeatUntil, seriesId: id }),
      },
      known.map((c) => c.id),
    ))!;
  });
  return created;
}
