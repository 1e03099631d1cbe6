import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { componentGroups, components } from "../db/schema";
import { HeraldError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { moveSchema } from "./schemas";
import { orderedSiblings } from "./positions";

/**
 * Moves a component (within its group) or a group one place up or down.
 * Positions are renumbered 0..n so ties from imports or seeds cannot make a
 * move a no-op. Moving past either end changes nothing.
 */
export async function moveComponent({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = moveSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { kind, id, direction } = parsed.data;
  const table = kind === "group" ? componentGroups : components;
  const moved = await ctx.db.transaction(async (tx) => {
    let groupId: string | null = null;
    if (kind === "component") {
      const [component] = await tx
        .select({ groupId: components.groupId })
        .from(components)
        .where(eq(components.id, id));
      if (!component) throw notFound("Component");
      groupId = component.groupId;
    }
    const siblings = await orderedSiblings(tx, kind, groupId);
    const from = siblings.findIndex((s) => s.id === id);
    if (from === -1) throw notFound("Group");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= siblings.length) return false;
    const order = siblings.map((s) => s.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, siblingId] of order.entries()) {
      if (siblings[position]?.id !== siblingId || siblings[position]?.position !== position) {
        await tx.update(table).set({ position }).where(eq(table.id, siblingId));
      }
    }
    await recordAudit(tx, ctx.actor, {
      action: `${kind === "group" ? "component_group" : "component"}.move`,
      targetType: kind === "group" ? "component_group" : "component",
      targetId: id,
      before: { position: from },
      after: { position: to },
    });
    return true;
  });
  return moved;
}
