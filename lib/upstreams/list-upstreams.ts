import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import {
  upstreamComponents,
  upstreamDependencies,
  upstreamIncidents,
  upstreamPages,
  upstreamPolls,
  type UpstreamPage,
  type UpstreamPoll,
} from "../db/schema";
import { notFound } from "../errors";
import { requireRole } from "../auth/authorize";
import { upstreamIdSchema } from "./schemas";
import { upstreamDisplayName, upstreamHost } from "./upstream-names";

/** What the console and the management API show of an upstream. */
function upstreamSummary(page: UpstreamPage, poll: UpstreamPoll | null) {
  return {
    id: page.id,
    url: page.url,
    name: upstreamDisplayName(page),
    page_name: page.pageName,
    label: page.label,
    host: upstreamHost(page),
    unknown_since: page.unknownSince,
    last_polled_at: poll?.lastPolledAt ?? null,
    last_success_at: poll?.lastSuccessAt ?? null,
    next_poll_at: poll?.nextPollAt ?? null,
    failures: poll?.failures ?? 0,
    last_error: poll?.lastError ?? null,
    created_at: page.createdAt,
  };
}

export async function listUpstreams({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  const rows = await ctx.db
    .select({ page: upstreamPages, poll: upstreamPolls })
    .from(upstreamPages)
    .leftJoin(upstreamPolls, eq(upstreamPolls.upstreamPageId, upstreamPages.id))
    .orderBy(asc(upstreamPages.position), asc(upstreamPages.createdAt));
  return rows.map((r) => upstreamSummary(r.page, r.poll));
}

/** One upstream with every component it lists, what shows, the dependencies, and its recent incidents. */
export async function getUpstream({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "viewer");
  const parsed = upstreamIdSchema.safeParse(input);
  if (!parsed.success) throw notFound("Upstream page");
  const [row] = await ctx.db
    .select({ page: upstreamPages, poll: upstreamPolls })
    .from(upstreamPages)
    .leftJoin(upstreamPolls, eq(upstreamPolls.upstreamPageId, upstreamPages.id))
    .where(eq(upstreamPages.id, parsed.data.upstreamId));
  if (!row) throw notFound("Upstream page");
  const list = await ctx.db
    .select()
    .from(upstreamComponents)
    .where(eq(upstreamComponents.upstreamPageId, row.page.id))
    .orderBy(asc(upstreamComponents.position));
  const [deps, incidents] = await Promise.all([
    list.length
      ? ctx.db
          .select()
          .from(upstreamDependencies)
          .where(
            inArray(
              upstreamDependencies.upstreamComponentId,
              list.map((c) => c.id),
            ),
          )
      : [],
    ctx.db
      .select()
      .from(upstreamIncidents)
      .where(eq(upstreamIncidents.upstreamPageId, row.page.id))
      .orderBy(desc(upstreamIncidents.firstSeenAt))
      .limit(20),
  ]);
  return {
    ...upstreamSummary(row.page, row.poll),
    components: list.map((c) => ({
      id: c.id,
      external_id: c.externalId,
      name: c.name,
      group_name: c.groupName,
      status: c.status,
      shown: c.shown,
      missing_since: c.missingSince,
      depended_on_by: deps.filter((d) => d.upstreamComponentId === c.id).map((d) => d.componentId),
    })),
    incidents: incidents.map((i) => ({
      id: i.externalId,
      name: i.name,
      impact: i.impact,
      first_seen_at: i.firstSeenAt,
      resolved_at: i.resolvedAt,
      draft_id: i.draftId,
    })),
  };
}
