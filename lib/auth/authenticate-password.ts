import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users, type User } from "../db/schema";
import { verifyPassword } from "./password";
import { credentialsSchema } from "./schemas";

/** Returns the user when email and password match, otherwise null (never says which was wrong). */
export async function authenticateWithPassword(db: Db, input: unknown): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const [user] = await db.select().from(users).where(eq(users.email, parsed.data.email)).limit(1);
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
  return ok && user ? user : null;
}
