import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

/** Every console write: who, what, when, before/after. Never updated or deleted. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    actorId: text(),
    /** Email or "system"/"api-key:<name>", kept even if the user is deleted. */
    actorLabel: text().notNull(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    before: jsonb(),
    after: jsonb(),
    at: createdAt(),
  },
  (t) => [index("audit_at_idx").on(t.at), index("audit_target_idx").on(t.targetType, t.targetId)],
);
export type AuditEntry = typeof auditLog.$inferSelect;
