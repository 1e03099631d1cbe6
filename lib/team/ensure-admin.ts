import { eq } from "drizzle-orm";
import { systemActor } from "../context";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { recordAudit } from "../audit/record-audit";
import { hashPassword, verifyPassword } from "../auth/password";
import { emailSchema } from "../auth/schemas";
import { endSessionsOf } from "../auth/session-version";

/**
 * HERALD_ADMIN_EMAIL + HERALD_ADMIN_PASSWORD at start: make sure that account
 * exists, is an owner and accepts that password (also a way to recover access).
 */
export async function ensureAdmin(
  db: Db,
  email: string,
  password: string,
): Promise<"created" | "updated" | "unchanged"> {
  const normalized = emailSchema.parse(email);
  const [existing] = await db.select().from(users).where(eq(users.email, normalized)).limit(1);
  if (!existing) {
    const [created] = await db
      .insert(users)
      .values({
        email: normalized,
        name: "Administrator",
        role: "owner",
        passwordHash: await hashPassword(password),
      })
      .returning();
    await recordAudit(db, systemActor, {
      action: "team.ensure_admin",
      targetType: "user",
      targetId: created!.id,
      after: { email: normalized, role: "owner" },
    });
    return "created";
  }
  const passwordOk = await verifyPassword(password, existing.passwordHash);
  if (existing.role === "owner" && passwordOk) return "unchanged";
  const newPassword = passwordOk
    ? {}
    : { passwordHash: await hashPassword(password), mustChangePassword: false };
  await db
    .update(users)
    .set({ role: "owner", ...newPassword })
    .where(eq(users.id, existing.id));
  // A recovered account: whoever held its sessions signs in again.
  if (!passwordOk) await endSessionsOf(db, existing.id);
  await recordAudit(db, systemActor, {
    action: "team.ensure_admin",
    targetType: "user",
    targetId: existing.id,
    before: { role: existing.role },
    after: { role: "owner", passwordReset: !passwordOk },
  });
  return "updated";
}
