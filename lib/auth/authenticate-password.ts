import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users, type User } from "../db/schema";
import { consumeOrRefuse, memoryLimiter } from "../http/rate-limit";
import { verifyPassword } from "./password";
import { credentialsSchema } from "./schemas";

/**
 * Password guesses per email and client (IP) per 15 minutes. Keyed on both so
 * a guesser cannot lock a member out from elsewhere, and one network cannot
 * guess at many members' passwords faster than this each.
 */
const SIGN_IN_ATTEMPTS = 10;
const attempts = () => memoryLimiter("sign-in", SIGN_IN_ATTEMPTS, 15 * 60);

/**
 * Returns the user when email and password match, otherwise null (never says
 * which was wrong). Past the attempt budget it refuses with a `rate_limited`
 * HeraldError, whatever the password, until the window ends; a success clears
 * the count, so a member who mistypes now and then is never locked out.
 */
export async function authenticateWithPassword(
  db: Db,
  input: unknown,
  { client }: { client: string },
): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  // Counted before checking, so parallel guesses cannot all slip in under the limit.
  const key = `${parsed.data.email}|${client}`;
  await consumeOrRefuse(attempts(), key, (wait) => `Too many sign-in attempts. ${wait}`);
  const [user] = await db.select().from(users).where(eq(users.email, parsed.data.email)).limit(1);
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
  if (!ok || !user) return null;
  await attempts().delete(key);
  return user;
}
