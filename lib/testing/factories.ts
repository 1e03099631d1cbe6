import type { Ctx } from "../context";
import type { Db } from "../db/client";
import { users, type Role } from "../db/schema";
import { hashPassword } from "../auth/password";
import { newId } from "../ids";

/** Creates a member with a known password and returns the context they would act in. */
export async function createMember(
  db: Db,
  role: Role,
  password = "correct horse battery",
): Promise<Ctx & { email: string; password: string }> {
  const email = `${role}-${newId()}@example.test`;
  const [user] = await db
    .insert(users)
    .values({ email, name: role, role, passwordHash: await hashPassword(password) })
    .returning();
  return { db, actor: { kind: "user", id: user!.id, email, role }, email, password };
}
