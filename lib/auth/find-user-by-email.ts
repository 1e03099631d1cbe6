import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { emailSchema } from "./schemas";

/** Used by sign-in flows (magic link, OIDC) that admit only existing members. */
export async function findUserByEmail(db: Db, email: string | null | undefined) {
  const parsed = emailSchema.safeParse(email ?? "");
  if (!parsed.success) return null;
  const [user] = await db.select().from(users).where(eq(users.email, parsed.data)).limit(1);
  return user ?? null;
}
