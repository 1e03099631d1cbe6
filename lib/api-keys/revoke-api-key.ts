import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { apiKeys } from "../db/schema";
import { HeraldError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { apiKeySummary } from "./api-key-summary";
import { revokeApiKeySchema } from "./schemas";

/** Owner only. Takes effect on the key's next request; the row stays so the audit trail keeps its name. */
export async function revokeApiKey({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "owner");
  const parsed = revokeApiKeySchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.id, parsed.data.keyId))
      .for("update");
    if (!before) throw notFound("API key");
    if (before.revokedAt)
      throw new HeraldError("conflict", `The key “${before.name}” is already revoked.`);
    const [after] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(eq(apiKeys.id, before.id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "api_key.revoke",
      targetType: "api_key",
      targetId: before.id,
      before: apiKeySummary(before),
      after: apiKeySummary(after!),
    });
    return apiKeySummary(after!);
  });
}
