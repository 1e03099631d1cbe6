import { asc } from "drizzle-orm";
import type { Ctx } from "../context";
import { users } from "../db/schema";
import { requireRole } from "../auth/authorize";

/** Every member can see who is on the team; only owners change it. */
export async function listMembers({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  return ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.email));
}
