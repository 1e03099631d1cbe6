import { and, desc, eq, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { auditLog } from "../db/schema";
import { HeraldError } from "../errors";
import { requireRole } from "../auth/authorize";
import { safeString } from "../validation/safe-string";

const PAGE_SIZE = 50;
/** PostgreSQL keeps microseconds, JavaScript dates milliseconds: page on what both can represent. */
const atMs = sql`date_trunc('milliseconds', ${auditLog.at})`;

const filterSchema = z.object({
  /** Part of the actor's email (or "system", "api-key:…"). */
  actor: safeString().trim().max(200).optional(),
  /** An action prefix: "incident" matches incident.declare, incident.update… */
  action: safeString().trim().max(100).optional(),
  targetId: safeString().trim().max(100).optional(),
  /**
   * Keyset paging: "<ISO time>_<id>" of the last entry shown. The id breaks ties,
   * since entries written in one transaction share a timestamp.
   */
  before: safeString()
    .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z_[a-z0-9]+$/, "Invalid page.")
    // The right shape can still name no time (month 13): the database would refuse the cast with a 500.
    .refine((v) => !Number.isNaN(Date.parse(v.split("_")[0]!)), "Invalid page.")
    .optional(),
});
export type AuditFilter = z.input<typeof filterSchema>;

/** LIKE wildcards typed by the user are matched literally. */
const literal = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first, filterable; any member may read the trail of what changed. */
export async function listAuditLog({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "viewer");
  const parsed = filterSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { actor, action, targetId, before } = parsed.data;
  const conditions: SQL[] = [];
  if (actor) conditions.push(ilike(auditLog.actorLabel, `%${literal(actor)}%`));
  if (action) conditions.push(ilike(auditLog.action, `${literal(action)}%`));
  if (targetId) conditions.push(eq(auditLog.targetId, targetId));
  if (before) {
    const [time, id] = before.split("_") as [string, string];
    const at = sql`${time}::timestamptz`;
    conditions.push(or(lt(atMs, at), and(eq(atMs, at), lt(auditLog.id, id)))!);
  }
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(atMs), desc(auditLog.id))
    .limit(PAGE_SIZE + 1);
  const entries = rows.slice(0, PAGE_SIZE);
  const last = entries.at(-1);
  return {
    entries,
    olderThan: rows.length > PAGE_SIZE && last ? `${last.at.toISOString()}_${last.id}` : null,
  };
}
