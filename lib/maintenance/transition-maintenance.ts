import { eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { actorUserId } from "../context";
import type { Db } from "../db/client";
import {
  components,
  maintenanceComponents,
  maintenances,
  maintenanceUpdates,
  type MaintenanceState,
} from "../db/schema";
import { HeraldError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { changeComponentStatuses } from "../components/change-component-status";
import { enqueueMaintenanceNotifications } from "../notifications/enqueue-maintenance";
import { maintenanceTransitionSchema } from "./schemas";

export type Transition = {
  to: MaintenanceState;
  from: readonly MaintenanceState[];
  /** What happens to the affected components (see componentsFor). */
  components: "start" | "finish" | "keep";
  defaultBody: string;
};

/**
 * Starting puts affected *operational* components under maintenance (one that is
 * already down because of an incident keeps showing the outage); finishing
 * returns the ones still under maintenance to operational.
 */
async function componentsFor(tx: Db, maintenanceId: string, mode: Transition["components"]) {
  if (mode === "keep") return [];
  const ids = (
    await tx
      .select()
      .from(maintenanceComponents)
      .where(eq(maintenanceComponents.maintenanceId, maintenanceId))
  ).map((r) => r.componentId);
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: components.id, status: components.status })
    .from(components)
    .where(inArray(components.id, ids));
  const from = mode === "start" ? "operational" : "under_maintenance";
  const to = mode === "start" ? "under_maintenance" : "operational";
  return rows
    .filter((c) => c.status === from)
    .map((c) => ({ componentId: c.id, status: to }) as const);
}

/** Moves a maintenance to its next state inside one transaction, with a public update and status events. */
export async function applyMaintenanceTransition(
  tx: Db,
  ctx: Ctx,
  maintenanceId: string,
  transition: Transition,
  message: { body: string | null; notify: boolean },
  now = new Date(),
) {
  const [before] = await tx
    .select()
    .from(maintenances)
    .where(eq(maintenances.id, maintenanceId))
    .for("update");
  if (!before) throw notFound("Maintenance");
  if (!transition.from.includes(before.state)) {
    throw new HeraldError(
      "conflict",
      `This maintenance is ${before.state.replace("_", " ")}; it cannot be moved to ${transition.to.replace("_", " ")}.`,
    );
  }
  const requests = await componentsFor(tx, maintenanceId, transition.components);
  await changeComponentStatuses(tx, ctx.actor, requests, {
    cause: "maintenance",
    maintenanceId,
    at: now,
  });
  const [after] = await tx
    .update(maintenances)
    .set({
      state: transition.to,
      ...(transition.to === "in_progress" ? { startedAt: now } : {}),
      ...(transition.to === "completed" ? { completedAt: now } : {}),
    })
    .where(eq(maintenances.id, maintenanceId))
    .returning();
  const [update] = await tx
    .insert(maintenanceUpdates)
    .values({
      maintenanceId,
      state: transition.to,
      body: message.body ?? transition.defaultBody,
      notify: message.notify,
      displayAt: now,
      authorId: actorUserId(ctx.actor),
    })
    .returning({ id: maintenanceUpdates.id });
  if (message.notify)
    await enqueueMaintenanceNotifications(tx, {
      maintenanceId,
      state: transition.to,
      updateId: update!.id,
    });
  await recordAudit(tx, ctx.actor, {
    action: `maintenance.${transition.to}`,
    targetType: "maintenance",
    targetId: maintenanceId,
    before,
    after,
  });
  return after!;
}

/** The shape of start/verify/complete/cancel: editor, parse, one transaction, then refresh the public page. */
export async function transitionMaintenance(
  { ctx, input }: { ctx: Ctx; input: unknown },
  transition: Transition,
) {
  requireRole(ctx.actor, "editor");
  const parsed = maintenanceTransitionSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { maintenanceId, ...message } = parsed.data;
  const result = await ctx.db.transaction((tx) =>
    applyMaintenanceTransition(tx, ctx, maintenanceId, transition, message),
  );
  return result;
}
