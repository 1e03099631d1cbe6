import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { users } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { endSessionsOf } from "../auth/session-version";
import { changeRoleSchema } from "./schemas";
import { loadMemberGuardingLastOwner, memberForAudit } from "./owners";

/**
 * Owner only. Roles are read per request, and the member's sessions end too:
 * whoever holds one signs in again under the new role.
 */
export async function changeMemberRole({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "owner");
  const parsed = changeRoleSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { userId, role } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const before = await loadMemberGuardingLastOwner(tx, userId, () => role !== "owner");
    const [after] = await tx.update(users).set({ role }).where(eq(users.id, userId)).returning();
    if (before.role !== role) await endSessionsOf(tx, userId);
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
