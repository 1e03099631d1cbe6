import type { ApiKey } from "../db/schema";

/** What lists and the audit log keep about a key: never its hash. */
export const apiKeySummary = (k: ApiKey) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  canWrite: k.canWrite,
  createdAt: k.createdAt,
  lastUsedAt: k.lastUsedAt,
  revokedAt: k.revokedAt,
});
export type ApiKeySummary = ReturnType<typeof apiKeySummary>;
