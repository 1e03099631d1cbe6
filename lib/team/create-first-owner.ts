import { count, sql } from "drizzle-orm";
import { z } from "zod";
import { systemActor } from "../context";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import { emailSchema, newPasswordSchema } from "../auth/schemas";
import { safeString } from "../validation/safe-string";

export const firstOwnerSchema = z.object({
  name: safeString().trim().min(1, "Enter your name.").max(100),
  email: emailSchema,
  password: newPasswordSchema,
});

/** Any user at all? The setup page is open only while this is false. */
export async function hasAnyUser(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) > 0;
}

/**
 * First-run setup: creates the owner, but only while no user exists. The
 * transaction-scoped lock makes two simultaneous setups create one owner.
 */
export async function createFirstOwner(db: Db, input: unknown) {
  const parsed = firstOwnerSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const passwordHash = await hashPassword(parsed.data.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4242)`);
    if (await hasAnyUser(tx))
      throw new HeraldError("conflict", "Herald is already set up; sign in instead.");
    const [owner] = await tx
      .insert(users)
      .values({ name: parsed.data.name, email: parsed.data.email, role: "owner", passwordHash })
      .returning();
    await recordAudit(tx, systemActor, {
      action: "team.setup_owner",
      targetType: "user",
      targetId: owner!.id,
      after: { email: owner!.email, role: "owner" },
    });
    return owner!;
  });
}
