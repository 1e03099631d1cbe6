import { and, inArray, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { notificationFanOuts } from "../db/schema";
import { requireRole } from "../auth/authorize";

/**
 * Which of these updates have notifications queued but not yet expanded into
 * per-recipient rows: right after a publish the console says "Queued", not
 * "No recipients", until the worker has counted the audience.
 */
export async function listQueuedNotifications({
  ctx,
  subjectIds,
}: {
  ctx: Ctx;
  subjectIds: string[];
}): Promise<Set<string>> {
  requireRole(ctx.actor, "viewer");
  if (subjectIds.length === 0) return new Set();
  const subject = sql<string>`${notificationFanOuts.spec}->>'subjectId'`;
  const rows = await ctx.db
    .select({ subjectId: subject })
    .from(notificationFanOuts)
    .where(and(isNull(notificationFanOuts.expandedAt), inArray(subject, subjectIds)));
  return new Set(rows.map((r) => r.subjectId));
}
