import type { Ctx } from "../context";
import { actorUserId } from "../context";
import { integrations } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { getPageSettings } from "../settings/get-page-settings";
import { integrationSummary } from "./integration-summary";
import { createIntegrationSchema } from "./schemas";
import { generateInboundToken } from "./token";
import { assertRuleComponentsExist } from "./rule-components";

/**
 * Owners and editors. Returns the token this once (only its hash is kept, like
 * API keys): a lost token means deleting the integration and creating another.
 */
export async function createIntegration({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = createIntegrationSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const data = parsed.data;
  const { token, tokenHash } = generateInboundToken();
  const created = await ctx.db.transaction(async (tx) => {
    await assertRuleComponentsExist(tx, data.rules);
    const [row] = await tx
      .insert(integrations)
      .values({
        type: data.type,
        name: data.name,
        tokenHash,
        signingSecret: data.type === "pagerduty" ? data.signing_secret || null : null,
        // A heartbeat's interval already is its hold-down.
        holdDownSeconds: data.type === "heartbeat" ? 0 : data.hold_down_seconds,
        rules: data.rules,
        heartbeatIntervalSeconds:
          data.type === "heartbeat" ? data.heartbeat_interval_seconds : null,
        createdBy: actorUserId(ctx.actor),
      })
      .returning();
    const settings = await getPageSettings(tx);
    const summary = integrationSummary(row!, settings.url);
    await recordAudit(tx, ctx.actor, {
      action: "integration.create",
      targetType: "integration",
      targetId: row!.id,
      after: summary,
    });
    return summary;
  });
  return { ...created, token };
}
