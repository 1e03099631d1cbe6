import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Actor } from "../context";
import type { Db } from "../db/client";
import { apiKeys } from "../db/schema";
import { hashApiKey, keyFromBearer } from "./key-material";

/** lastUsedAt is for humans ("used 3 minutes ago"): a write per minute per key is enough, not one per request. */
const LAST_USED_GRANULARITY = sql`interval '1 minute'`;

/**
 * The actor for an `Authorization: Bearer hrld_…` header, or null when the
 * header is missing or the key is unknown or revoked. A read-only key acts as
 * a viewer, a write key as an editor: keys never hold owner rights, so a
 * leaked key cannot mint more keys or change the team.
 */
export async function authenticateApiKey(
  db: Db,
  bearerHeader: string | null | undefined,
): Promise<Actor | null> {
  const key = keyFromBearer(bearerHeader);
  if (!key) return null;
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, canWrite: apiKeys.canWrite })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, row.id),
        or(
          isNull(apiKeys.lastUsedAt),
          lt(apiKeys.lastUsedAt, sql`now() - ${LAST_USED_GRANULARITY}`),
        ),
      ),
    );
  return { kind: "api-key", id: row.id, name: row.name, role: row.canWrite ? "editor" : "viewer" };
}
