import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { upstreamPages } from "../db/schema";
import { notFound } from "../errors";
import { requireRole } from "../auth/authorize";
import type { OutboundOptions } from "../http/outbound/send-outbound";
import { pollUpstreamNow } from "./poll-upstreams";
import { upstreamIdSchema } from "./schemas";

/** Owners and editors: "Poll now" from the console, outside the schedule (say, after fixing the URL's host). */
export async function refreshUpstream({
  ctx,
  input,
  outbound,
}: {
  ctx: Ctx;
  input: unknown;
  outbound?: OutboundOptions;
}) {
  requireRole(ctx.actor, "editor");
  const parsed = upstreamIdSchema.safeParse(input);
  if (!parsed.success) throw notFound("Upstream page");
  const [page] = await ctx.db
    .select({ id: upstreamPages.id })
    .from(upstreamPages)
    .where(eq(upstreamPages.id, parsed.data.upstreamId));
  if (!page) throw notFound("Upstream page");
  return pollUpstreamNow(ctx.db, page.id, outbound);
}
