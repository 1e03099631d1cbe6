import { eq } from "drizzle-orm";
import type { Actor } from "../context";
import { anonymousActor } from "../context";
import type { Db } from "../db/client";
import { users } from "../db/schema";

/**
 * Builds the actor from a signed-in user id. The role is read from the database
 * on every request, so a demotion or removal takes effect immediately even
 * though sessions are JWTs.
 */
export async function loadUserActor(db: Db, userId: string | undefined | null): Promise<Actor> {
  if (!userId) return anonymousActor;
  const [user] = await db
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return user ? { kind: "user", ...user } : anonymousActor;
}
