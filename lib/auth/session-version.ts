import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";

/** The version a session minted now carries (null: no such member). */
export async function currentSessionVersion(db: Db, userId: string): Promise<number | null> {
  const [row] = await db
    .select({ version: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row?.version ?? null;
}

/**
 * Ends every session the member holds, on every instance: each one carries the
 * old version and loadUserActor refuses it. Call inside the write that warrants it.
 */
export async function endSessionsOf(db: Db, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
