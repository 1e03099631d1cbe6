import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { users } from "../db/schema";
import { HeraldError } from "../errors";
import { verifyPassword } from "./password";
import { firstPasswordSchema } from "./schemas";
import { setPassword } from "./set-password";

/**
 * A member signed in with an invitation's one-time password (or by link while
 * it is still pending) chooses their own. No current password is asked: the
 * session already proves it (or the mailbox), and the old one dies here.
 */
export async function setFirstPassword({ ctx, input }: { ctx: Ctx; input: unknown }) {
  if (ctx.actor.kind !== "user") throw new HeraldError("unauthenticated", "Please sign in.");
  if (!ctx.actor.mustChangePassword)
    throw new HeraldError(
      "conflict",
      "Your password is already set; change it on your account page.",
    );
  const parsed = firstPasswordSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const [user] = await ctx.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, ctx.actor.id));
  if (await verifyPassword(parsed.data.newPassword, user?.passwordHash))
    throw new HeraldError("invalid", "Please correct the highlighted fields.", {
      newPassword: "Choose a password other than the one-time password.",
    });
  await setPassword(ctx.db, ctx.actor, {
    userId: ctx.actor.id,
    password: parsed.data.newPassword,
    action: "account.set_first_password",
  });
  return { email: ctx.actor.email };
}
