import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { integrations } from "../db/schema";
import { HeraldError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { getPageSettings } from "../settings/get-page-settings";
import { integrationSummary } from "./integration-summary";
import { assertRuleComponentsExist } from "./rule-components";
import { updateIntegrationSchema } from "./schemas";

/**
 * Owners and editors: name, hold-down, rules (the same schema as at creation)
 * and a heartbeat's interval. Alerts already received keep what they decided;
 * the new rules apply from the next payload. Audited with before and after.
 */
export async function updateIntegration({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = updateIntegrationSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { integrationId, ...data } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(integrations)
      .where(eq(integrations.id, integrationId))
      .for("update");
    if (!row) throw notFound("Integration");
    const heartbeat = row.type === "heartbeat";
    if (data.rules) {
      await assertRuleComponentsExist(tx, data.rules);
      if (heartbeat && !data.rules.some((rule) => rule.components.length > 0))
        throw new HeraldError("invalid", "Please correct the highlighted fields.", {
          rules: "Give a rule with the components a missed heartbeat marks down.",
        });
    }
    if (heartbeat && data.hold_down_seconds)
      throw new HeraldError("invalid", "Please correct the highlighted fields.", {
        hold_down_seconds: "A heartbeat's interval is its hold-down; change the interval instead.",
      });
    if (!heartbeat && data.heartbeat_interval_seconds !== undefined)
      throw new HeraldError("invalid", "Please correct the highlighted fields.", {
        heartbeat_interval_seconds: "Only heartbeats have an interval.",
      });
    const [updated] = await tx
      .update(integrations)
      .set({
        name: data.name,
        holdDownSeconds: data.hold_down_seconds,
        rules: data.rules,
        heartbeatIntervalSeconds: data.heartbeat_interval_seconds,
      })
      .where(eq(integrations.id, row.id))
      .returning();
    const settings = await getPageSettings(tx);
    const summary = integrationSummary(updated!, settings.url);
    await recordAudit(tx, ctx.actor, {
      action: "integration.update",
      targetType: "integration",
      targetId: row.id,
      before: integrationSummary(row, settings.url),
      after: summary,
    });
    return summary;
  });
}
