import { desc, isNull } from "drizzle-orm";
import type { Ctx } from "../context";
import { apiKeys } from "../db/schema";
import { requireRole } from "../auth/authorize";
import { apiKeySummary } from "./api-key-summary";

/**
 * Every member may see which keys exist and when they were last used (so a
 * stale or unknown integration gets noticed); only owners create or revoke.
 * Active keys first, newest first; no hash ever leaves this function.
 */
export async function listApiKeys({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  const rows = await ctx.db
    .select()
    .from(apiKeys)
    .orderBy(desc(isNull(apiKeys.revokedAt)), desc(apiKeys.createdAt));
  return rows.map(apiKeySummary);
}
