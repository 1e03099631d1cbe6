import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { users } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { removeMemberSchema } from "./schemas";
import { loadMemberGuardingLastOwner, memberForAudit } from "./owners";

/** Owner only. Their history stays attributed: audit entries keep the email. */
export async function removeMember({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "owner");
  const parsed = removeMemberSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  return ctx.db.transaction(async (tx) => {
    const before = await loadMemberGuardingLastOwner(tx, parsed.data.userId, () => true);
    await tx.delete(users).where(eq(users.id, before.id));
    await recordAudit(tx, ctx.actor, {
      action: "team.remove",
      targetType: "user",
      targetId: before.id,
      before: memberForAudit(before),
    });
    return memberForAudit(before);
  });
}
