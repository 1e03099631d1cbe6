import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import type { Db } from "../db/client";
import { componentGroups, components } from "../db/schema";
import { HeraldError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { createComponentSchema, updateComponentSchema } from "./schemas";
import { nextPosition } from "./positions";

async function assertGroupExists(tx: Db, groupId: string | null) {
  if (!groupId) return;
  const [group] = await tx
    .select({ id: componentGroups.id })
    .from(componentGroups)
    .where(eq(componentGroups.id, groupId));
  if (!group)
    throw new HeraldError("invalid", "Please correct the highlighted fields.", {
      groupId: "That group no longer exists.",
    });
}

/** Adds a component at the end of its group, operational. */
export async function createComponent({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = createComponentSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const created = await ctx.db.transaction(async (tx) => {
    await assertGroupExists(tx, parsed.data.groupId);
    const position = await nextPosition(tx, "component", parsed.data.groupId);
    const [row] = await tx
      .insert(components)
      .values({ ...parsed.data, position })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "component.create",
      targetType: "component",
      targetId: row!.id,
      after: row,
    });
    return row!;
  });
  return created;
}

/** Edits a component's details (not its status: see setComponentStatus). Rejects a stale form. */
export async function updateComponent({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = updateComponentSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { id, expectedUpdatedAt, ...values } = parsed.data;
  const updated = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(components).where(eq(components.id, id)).for("update");
    if (!before) throw notFound("Component");
    if (expectedUpdatedAt && before.updatedAt.toISOString() !== expectedUpdatedAt) {
      throw new HeraldError(
        "conflict",
        "Someone else changed this component meanwhile. Reload to see their change.",
      );
    }
    await assertGroupExists(tx, values.groupId);
    // Moving to another group puts the component at the end of it.
    const position =
      values.groupId === before.groupId
        ? before.position
        : await nextPosition(tx, "component", values.groupId);
    const [after] = await tx
      .update(components)
      .set({ ...values, position })
      .where(eq(components.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "component.update",
      targetType: "component",
      targetId: id,
      before,
      after,
    });
    return after!;
  });
  return updated;
}
