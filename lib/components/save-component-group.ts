import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { componentGroups } from "../db/schema";
import { HeraldError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { createGroupSchema, updateGroupSchema } from "./schemas";
import { nextPosition } from "./positions";

export async function createComponentGroup({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = createGroupSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(componentGroups)
      .values({ ...parsed.data, position: await nextPosition(tx, "group", null) })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "component_group.create",
      targetType: "component_group",
      targetId: row!.id,
      after: row,
    });
    return row!;
  });
  return created;
}

export async function updateComponentGroup({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = updateGroupSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { id, expectedUpdatedAt, ...values } = parsed.data;
  const updated = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(componentGroups)
      .where(eq(componentGroups.id, id))
      .for("update");
    if (!before) throw notFound("Group");
    if (expectedUpdatedAt && before.updatedAt.toISOString() !== expectedUpdatedAt) {
      throw new HeraldError(
        "conflict",
        "Someone else changed this group meanwhile. Reload to see their change.",
      );
    }
    const [after] = await tx
      .update(componentGroups)
      .set(values)
      .where(eq(componentGroups.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "component_group.update",
      targetType: "component_group",
      targetId: id,
      before,
      after,
    });
    return after!;
  });
  return updated;
}
