import type { Ctx } from "../context";
import { actorUserId } from "../context";
import { upstreamPages, upstreamPolls } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { outboundUrlProblem } from "../http/outbound/address-policy";
import type { OutboundOptions } from "../http/outbound/send-outbound";
import { createUpstreamSchema, summaryUrlOf } from "./schemas";
import { pollUpstreamNow } from "./poll-upstreams";

/**
 * Owners and editors. Saves the upstream and reads it at once, so its
 * components can be picked straight away; a first read that fails is kept and
 * shown on its page (the worker keeps trying), not refused.
 */
export async function createUpstream({
  ctx,
  input,
  outbound,
}: {
  ctx: Ctx;
  input: unknown;
  outbound?: OutboundOptions;
}) {
  requireRole(ctx.actor, "editor");
  const parsed = createUpstreamSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const url = summaryUrlOf(parsed.data.url);
  const problem = outboundUrlProblem(url, { allowPrivate: outbound?.allowPrivate });
  if (problem) throw new HeraldError("invalid", problem, { url: problem });
  const page = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(upstreamPages)
      .values({
        url,
        label: parsed.data.label || null,
        unknownSince: new Date(),
        createdBy: actorUserId(ctx.actor),
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new HeraldError("conflict", "That status page is already added.", {
        url: "Already added.",
      });
    await tx.insert(upstreamPolls).values({ upstreamPageId: row.id });
    await recordAudit(tx, ctx.actor, {
      action: "upstream.create",
      targetType: "upstream_page",
      targetId: row.id,
      after: { url, label: row.label },
    });
    return row;
  });
  const firstPoll = await pollUpstreamNow(ctx.db, page.id, outbound);
  return { id: page.id, url, firstPoll };
}
