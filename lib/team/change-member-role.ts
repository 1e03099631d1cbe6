import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { users } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { changeRoleSchema } from "./schemas";
import { loadMemberGuardingLastOwner, memberForAudit } from "./owners";

/** Owner only. Takes effect on the member's next request (roles are read per request). */
export async function changeMemberRole({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "owner");
  const parsed = changeRoleSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { userId, role } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const before = await loadMemberGuardingLastOwner(tx, userId, () => role !== "owner");
    const [after] = await tx.update(users).set({ role }).where(eq(users.id, userId)).returning();
    await recordAudit(tx, ctx.actor, {
      action: "team.change_role",
      targetType: "user",
      targetId: userId,
      before: memberForAudit(before),
      after: memberForAudit(after!),
    });
    return memberForAudit(after!);
  });
}
