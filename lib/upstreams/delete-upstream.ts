import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { upstreamPages } from "../db/schema";
import { notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { upstreamIdSchema } from "./schemas";

/** Owners and editors. Its group leaves the page; drafts it made stay for the comms lead. */
export async function deleteUpstream({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = upstreamIdSchema.safeParse(input);
  if (!parsed.success) throw notFound("Upstream page");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(upstreamPages)
      .where(eq(upstreamPages.id, parsed.data.upstreamId))
      .returning();
    if (!row) throw notFound("Upstream page");
    await recordAudit(tx, ctx.actor, {
      action: "upstream.delete",
      targetType: "upstream_page",
      targetId: row.id,
      before: { url: row.url, label: row.label },
    });
    return { id: row.id, deleted: true };
  });
}
