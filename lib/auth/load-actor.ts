import { eq } from "drizzle-orm";
import type { Actor } from "../context";
import { anonymousActor } from "../context";
import type { Db } from "../db/client";
import { users } from "../db/schema";

/** What a signed-in session (the Auth.js JWT) claims: who, and which of their session versions. */
export type SessionClaims = { userId?: string | null; sessionVersion?: number | null };

/**
 * Builds the actor from a session. The member is read from the database on
 * every request, so a demotion or removal takes effect immediately even though
 * sessions are JWTs; a session minted before the member's sessions were ended
 * (sign-out, role or password change) carries an older version and acts as
 * nobody, on every instance.
 */
export async function loadUserActor(db: Db, claims: SessionClaims | null): Promise<Actor> {
  if (!claims?.userId || typeof claims.sessionVersion !== "number") return anonymousActor;
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, claims.userId))
    .limit(1);
  if (!user || user.sessionVersion !== claims.sessionVersion) return anonymousActor;
  const { id, email, role } = user;
  return {
    kind: "user",
    id,
    email,
    role,
    ...(user.mustChangePassword && { mustChangePassword: true }),
  };
}
