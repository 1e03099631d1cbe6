import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { integrations } from "../db/schema";
import { notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { integrationIdSchema } from "./schemas";
import { generateInboundToken } from "./token";

/**
 * Owners and editors. Replaces a lost or leaked token (shown this once); the old
 * one stops working at once. The integration keeps its URL, rules and alert state.
 */
export async function rotateIntegrationToken({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = integrationIdSchema.safeParse(input);
  if (!parsed.success) throw notFound("Integration");
  const { token, tokenHash } = generateInboundToken();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(integrations)
      .set({ tokenHash })
      .where(eq(integrations.id, parsed.data.integrationId))
      .returning({ id: integrations.id, name: integrations.name });
    if (!row) throw notFound("Integration");
    await recordAudit(tx, ctx.actor, {
      action: "integration.rotate_token",
      targetType: "integration",
      targetId: row.id,
    });
    return { id: row.id, name: row.name, token };
  });
}
