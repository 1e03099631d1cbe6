import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { HeraldError, notFound } from "../errors";

/**
 * Loads a member for a change and refuses one that would leave no owner: a
 * page nobody can administer is unrecoverable from the console. The owner
 * rows are locked so two simultaneous demotions cannot both pass the check.
 */
export async function loadMemberGuardingLastOwner(
  tx: Db,
  userId: string,
  losesOwnership: (role: string) => boolean,
) {
  const owners = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, "owner"))
    .for("update");
  const [member] = await tx.select().from(users).where(eq(users.id, userId));
  if (!member) throw notFound("Member");
  if (member.role === "owner" && losesOwnership(member.role) && owners.length <= 1) {
    throw new HeraldError("conflict", "This is the last owner. Make someone else an owner first.");
  }
  return member;
}

/** What the audit log keeps about a member: never the password hash. */
export const memberForAudit = (m: {
  id: string;
  email: string;
  name: string | null;
  role: string;
}) => ({ id: m.id, email: m.email, name: m.name, role: m.role });
