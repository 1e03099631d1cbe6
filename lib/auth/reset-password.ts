import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { passwordResetTokens, users } from "../db/schema";
import { HeraldError } from "../errors";
import { hashResetToken } from "./request-password-reset";
import { resetPasswordSchema } from "./schemas";
import { setPassword } from "./set-password";

const SPENT = "This reset link has expired or was already used. Ask for a new one.";

/**
 * Sets a new password from a forgot-password link. The token is deleted in the
 * same transaction (single use, even when two submissions race), with every
 * other link of that member; all their sessions end.
 */
export async function resetPassword({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  return ctx.db.transaction(async (tx) => {
    const [spent] = await tx
      .delete(passwordResetTokens)
      .where(eq(passwordResetTokens.tokenHash, hashResetToken(parsed.data.token)))
      .returning();
    if (!spent || spent.expiresAt.getTime() <= Date.now()) throw new HeraldError("invalid", SPENT);
    const [user] = await tx.select().from(users).where(eq(users.id, spent.userId));
    if (!user) throw new HeraldError("invalid", SPENT);
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    const member = { kind: "user" as const, id: user.id, email: user.email, role: user.role };
    await setPassword(tx, member, {
      userId: user.id,
      password: parsed.data.newPassword,
      action: "account.reset_password",
    });
    return { email: user.email };
  });
}
