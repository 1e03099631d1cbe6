import { inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { actorUserId } from "../context";
import { components, integrations } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { getPageSettings } from "../settings/get-page-settings";
import { integrationSummary } from "./integration-summary";
import { createIntegrationSchema } from "./schemas";
import { generateInboundToken } from "./token";

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
    const named = [...new Set(data.rules.flatMap((rule) => rule.components))];
    if (named.length > 0) {
      const found = await tx
        .select({ id: components.id })
        .from(components)
        .where(inArray(components.id, named));
      const missing = named.filter((id) => !found.some((c) => c.id === id));
      if (missing.length > 0)
        throw new HeraldError("invalid", `No component has the id ${missing.join(", ")}.`, {
          rules: "A rule names a component that does not exist.",
        });
    }
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
