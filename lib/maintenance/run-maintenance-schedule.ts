import { and, eq, inArray, lte } from "drizzle-orm";
import type { Ctx } from "../context";
import { maintenances } from "../db/schema";
import { requireRole } from "../auth/authorize";
import { applyMaintenanceTransition } from "./transition-maintenance";
import { TRANSITIONS } from "./maintenance-transitions";

/**
 * Auto-start and auto-complete on time, for the worker (system actor) to call
 * every minute. Each window moves in its own transaction; a window someone
 * moved by hand meanwhile is simply skipped.
 */
export async function runMaintenanceSchedule({ ctx, now = new Date() }: { ctx: Ctx; now?: Date }) {
  requireRole(ctx.actor, "editor");
  const [toStart, toComplete] = await Promise.all([
    ctx.db
      .select({ id: maintenances.id })
      .from(maintenances)
      .where(
        and(
          eq(maintenances.state, "scheduled"),
          eq(maintenances.autoStart, true),
          lte(maintenances.scheduledFor, now),
        ),
      ),
    ctx.db
      .select({ id: maintenances.id })
      .from(maintenances)
      .where(
        and(
          inArray(maintenances.state, ["in_progress", "verifying"]),
          eq(maintenances.autoComplete, true),
          lte(maintenances.scheduledUntil, now),
        ),
      ),
  ]);
  const moved: string[] = [];
  for (const [list, transition] of [
    [toStart, TRANSITIONS.start],
    [toComplete, TRANSITIONS.complete],
  ] as const) {
    for (const { id } of list) {
      const done = await ctx.db
        .transaction((tx) =>
          applyMaintenanceTransition(tx, ctx, id, transition, { body: null, notify: true }, now),
        )
        .then(
          () => true,
          (error: Error) => {
            console.error(`[herald] maintenance ${id}: ${transition.to} skipped: ${error.message}`);
            return false;
          },
        );
      if (done) moved.push(id);
    }
  }
  return moved;
}
