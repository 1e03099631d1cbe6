import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { users } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { hashPassword } from "../auth/password";
import { inviteMemberSchema } from "./schemas";
import { memberForAudit } from "./owners";

/**
 * Owner only. Creates the member with a random one-time password, returned
 * here once to be handed over; only its hash is stored. It opens one thing:
 * choosing their own password (mustChangePassword, enforced by requireRole).
 * With a mail transport the member can also sign in by magic link.
 */
export async function inviteMember({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "owner");
  const parsed = inviteMemberSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const password = randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  const member = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, parsed.data.email));
    if (existing)
      throw new HeraldError("invalid", "Please correct the highlighted fields.", {
        email: "Someone with this email is already a member.",
      });
    const [row] = await tx
      .insert(users)
      .values({ ...parsed.data, passwordHash, mustChangePassword: true })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "team.invite",
      targetType: "user",
      targetId: row!.id,
      after: memberForAudit(row!),
    });
    return row!;
  });
  return { member: memberForAudit(member), password };
}
