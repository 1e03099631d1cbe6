import type { Actor } from "../context";
import { actorLabel, actorUserId } from "../context";
import type { Db } from "../db/client";
import { auditLog } from "../db/schema";

export type AuditInput = {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Appends an audit entry; call inside the same transaction as the write it describes. */
export async function recordAudit(db: Db, actor: Actor, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actorUserId(actor),
    actorLabel: actorLabel(actor),
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
