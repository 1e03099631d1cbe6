import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { pageSettings } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { getPageSettings } from "./get-page-settings";
import { pageSettingsSchema } from "./schemas";

/** Owner only. Rejects a stale form instead of overwriting someone else's change. */
export async function updatePageSettings({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "owner");
  const parsed = pageSettingsSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { expectedUpdatedAt, ...values } = parsed.data;
  const saved = await ctx.db.transaction(async (tx) => {
    const before = await getPageSettings(tx);
    if (expectedUpdatedAt && before.updatedAt.toISOString() !== expectedUpdatedAt) {
      throw new HeraldError(
        "conflict",
        "Someone else changed the settings meanwhile. Reload to see their change.",
      );
    }
    const [after] = await tx
      .update(pageSettings)
      .set(values)
      .where(eq(pageSettings.id, "page"))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "settings.update",
      targetType: "page_settings",
      targetId: "page",
      before,
      after,
    });
    return after!;
  });
  // Name, brand, time zone: every public surface shows them.
  return saved;
}
