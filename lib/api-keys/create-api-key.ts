import type { Ctx } from "../context";
import { actorUserId } from "../context";
import { apiKeys } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { apiKeySummary } from "./api-key-summary";
import { generateApiKey } from "./key-material";
import { createApiKeySchema } from "./schemas";

/**
 * Owner only. Returns the plaintext key this once, to be copied into the
 * client; only its hash is stored, so a lost key is revoked and replaced.
 */
export async function createApiKey({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "owner");
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { key, prefix, keyHash } = generateApiKey();
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: parsed.data.name,
        prefix,
        keyHash,
        canWrite: parsed.data.scope === "write",
        createdBy: actorUserId(ctx.actor),
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "api_key.create",
      targetType: "api_key",
      targetId: row!.id,
      after: apiKeySummary(row!),
    });
    return row!;
  });
  return { apiKey: apiKeySummary(created), key };
}
