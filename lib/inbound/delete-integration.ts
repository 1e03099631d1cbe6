import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { integrations } from "../db/schema";
import { notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { getPageSettings } from "../settings/get-page-settings";
import { integrationSummary } from "./integration-summary";
import { integrationIdSchema } from "./schemas";

/**
 * Owners and editors. Its URL stops working at once; component statuses it set
 * stay as they are (a person decides), and their history keeps its name in the audit log.
 */
export async function deleteIntegration({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = integrationIdSchema.safeParse(input);
  // An id that is not one names nothing: 404, like any unknown id.
  if (!parsed.success) throw notFound("Integration");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(integrations)
      .where(eq(integrations.id, parsed.data.integrationId))
      .returning();
    if (!row) throw notFound("Integration");
    const settings = await getPageSettings(tx);
    await recordAudit(tx, ctx.actor, {
      action: "integration.delete",
      targetType: "integration",
      targetId: row.id,
      before: integrationSummary(row, settings.url),
    });
    return { id: row.id, deleted: true };
  });
}
