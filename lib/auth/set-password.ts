import { eq } from "drizzle-orm";
import type { Actor } from "../context";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "./password";
import { endSessionsOf } from "./session-version";

/**
 * The one write behind every password change (own change, first password,
 * reset link): stores the hash, lifts the one-time flag and ends every session
 * the member holds, so a copied cookie or an old password stops working.
 */
export async function setPassword(
  db: Db,
  by: Actor,
  { userId, password, action }: { userId: string; password: string; action: string },
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false })
      .where(eq(users.id, userId));
    await endSessionsOf(tx, userId);
    await recordAudit(tx, by, { action, targetType: "user", targetId: userId });
  });
}
