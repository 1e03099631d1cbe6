import { desc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { inboundEvents, integrations } from "../db/schema";
import { notFound } from "../errors";
import { requireRole } from "../auth/authorize";
import { getPageSettings } from "../settings/get-page-settings";
import { integrationSummary } from "./integration-summary";
import { integrationIdSchema } from "./schemas";

/** Every integration, newest first; any member may read (tokens are never shown again). */
export async function listIntegrations({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  const [rows, settings] = await Promise.all([
    ctx.db.select().from(integrations).orderBy(desc(integrations.createdAt)),
    getPageSettings(ctx.db),
  ]);
  return rows.map((row) => integrationSummary(row, settings.url));
}

/** Received payloads kept on the integration's page: enough to debug a setup, not an archive. */
export const EVENT_LOG_LENGTH = 50;

/** One integration with its last payloads and what Herald did with each. */
export async function getIntegration({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "viewer");
  const parsed = integrationIdSchema.safeParse(input);
  // An id that is not one names nothing: 404, like any unknown id.
  if (!parsed.success) throw notFound("Integration");
  const [row] = await ctx.db
    .select()
    .from(integrations)
    .where(eq(integrations.id, parsed.data.integrationId));
  if (!row) throw notFound("Integration");
  const [settings, events] = await Promise.all([
    getPageSettings(ctx.db),
    ctx.db
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.integrationId, row.id))
      .orderBy(desc(inboundEvents.receivedAt))
      .limit(EVENT_LOG_LENGTH),
  ]);
  return { ...integrationSummary(row, settings.url), events };
}
