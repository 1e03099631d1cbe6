import { eq } from "drizzle-orm";
import type { RateLimiterMemory } from "rate-limiter-flexible";
import type { Db } from "../db/client";
import { users, type User } from "../db/schema";
import { consumeOrRefuse, memoryLimiter } from "../http/rate-limit";
import { verifyPassword } from "./password";
import { credentialsSchema } from "./schemas";

const WINDOW_SECONDS = 15 * 60;
/**
 * Three budgets per 15 minutes, spent before the password is checked (so
 * parallel guesses cannot slip in under them):
 * - per address and account: a guesser locks only themselves out of that account;
 * - per address, across accounts: one address cannot spray every member;
 * - everyone together: a generous last resort against a distributed attack
 *   (it also caps the password-hashing work an attacker can cause).
 * `client` is the connection's address (lib/http/client-address.ts), so a
 * stranger's failures from one address never lock a member out from another.
 */
export const SIGN_IN_LIMITS = { perAccount: 10, perAddress: 50, overall: 2000 } as const;

type Budget = { limiter: RateLimiterMemory; key: string; points: number };
const budgets = (client: string, email: string): [Budget, ...Budget[]] => [
  {
    limiter: memoryLimiter("sign-in", SIGN_IN_LIMITS.perAccount, WINDOW_SECONDS),
    key: `${client}|${email}`,
    points: SIGN_IN_LIMITS.perAccount,
  },
  {
    limiter: memoryLimiter("sign-in-address", SIGN_IN_LIMITS.perAddress, WINDOW_SECONDS),
    key: client,
    points: SIGN_IN_LIMITS.perAddress,
  },
  {
    limiter: memoryLimiter("sign-in-overall", SIGN_IN_LIMITS.overall, WINDOW_SECONDS),
    key: "all",
    points: SIGN_IN_LIMITS.overall,
  },
];

/** What a throttled member reads on the sign-in form. */
export const throttledMessage = (ms: number) =>
  `Too many attempts, try again in ${Math.max(1, Math.ceil(ms / 1000))} s.`;

/**
 * Returns the user when email and password match, otherwise null (never says
 * which was wrong). Past a budget it refuses with a `rate_limited` HeraldError,
 * whatever the password, until the window ends; a success clears the count for
 * that address and account, so a member who mistypes now and then is never locked out.
 */
export async function authenticateWithPassword(
  db: Db,
  input: unknown,
  { client }: { client: string },
): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const [account, ...shared] = budgets(client, parsed.data.email);
  for (const { limiter, key } of [account, ...shared])
    await consumeOrRefuse(limiter, key, (_wait, ms) => throttledMessage(ms));
  const [user] = await db.select().from(users).where(eq(users.email, parsed.data.email)).limit(1);
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
  if (!ok || !user) return null;
  await account.limiter.delete(account.key);
  // A success is not a guess: it gives back what it spent on the shared budgets.
  for (const { limiter, key } of shared) await limiter.reward(key, 1);
  return user;
}

/**
 * How long until `client` may try `email` again; 0 when it may now. The sign-in
 * form asks after a refusal, because Auth.js does not reliably hand a server
 * action the error authorize() threw (it may wrap it in a CallbackRouteError).
 */
export async function signInWaitMs({
  client,
  email,
}: {
  client: string;
  email: unknown;
}): Promise<number> {
  const parsed = credentialsSchema.shape.email.safeParse(email);
  if (!parsed.success) return 0;
  let wait = 0;
  for (const { limiter, key, points } of budgets(client, parsed.data)) {
    const spent = await limiter.get(key);
    if (spent && spent.consumedPoints > points) wait = Math.max(wait, spent.msBeforeNext);
  }
  return wait;
}
