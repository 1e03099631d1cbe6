import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { users } from "../db/schema";
import { HeraldError } from "../errors";
import { consumeOrRefuse, memoryLimiter } from "../http/rate-limit";
import { requireRole } from "./authorize";
import { verifyPassword } from "./password";
import { changePasswordSchema } from "./schemas";
import { setPassword } from "./set-password";

/** Guesses at the current password per member: a stolen session must not become a password oracle. */
const guesses = () => memoryLimiter("change-password", 10, 15 * 60);

/**
 * Any member, for themselves: needs the current password. Ends all their
 * sessions (the caller signs this device in again with the new password).
 */
export async function changeOwnPassword({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "viewer");
  if (ctx.actor.kind !== "user")
    throw new HeraldError("forbidden", "Only members have a password.");
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { id, email } = ctx.actor;
  await consumeOrRefuse(guesses(), id, (wait) => `Too many attempts. ${wait}`);
  const [user] = await ctx.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, id));
  if (!(await verifyPassword(parsed.data.currentPassword, user?.passwordHash)))
    throw new HeraldError("invalid", "Please correct the highlighted fields.", {
      currentPassword: "That is not your current password.",
    });
  await guesses().delete(id);
  await setPassword(ctx.db, ctx.actor, {
    userId: id,
    password: parsed.data.newPassword,
    action: "account.change_password",
  });
  return { email };
}
