import { eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { components, upstreamComponents, upstreamDependencies, upstreamPages } from "../db/schema";
import { HeraldError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { updateUpstreamSchema } from "./schemas";

/**
 * Owners and editors: the label, which upstream components show on our page,
 * and which of our components depend on each. Fields left out stay as they are;
 * `dependencies` replaces the mapping of every upstream component it names.
 */
export async function updateUpstream({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = updateUpstreamSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { upstreamId, label, shown, dependencies } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [page] = await tx
      .select()
      .from(upstreamPages)
      .where(eq(upstreamPages.id, upstreamId))
      .for("update");
    if (!page) throw notFound("Upstream page");
    const own = await tx
      .select()
      .from(upstreamComponents)
      .where(eq(upstreamComponents.upstreamPageId, page.id));
    const ownIds = new Set(own.map((c) => c.id));
    const named = [...(shown ?? []), ...Object.keys(dependencies ?? {})];
    const foreign = named.filter((id) => !ownIds.has(id));
    if (foreign.length)
      throw new HeraldError("invalid", `Not a component of this upstream: ${foreign.join(", ")}.`, {
        shown: "Pick components this upstream lists.",
      });
    const ours = [...new Set(Object.values(dependencies ?? {}).flat())];
    if (ours.length) {
      const found = await tx
        .select({ id: components.id })
        .from(components)
        .where(inArray(components.id, ours));
      const missing = ours.filter((id) => !found.some((c) => c.id === id));
      if (missing.length)
        throw new HeraldError("invalid", `No component has the id ${missing.join(", ")}.`, {
          dependencies: "A dependency names a component that does not exist.",
        });
    }
    if (label !== undefined && (label || null) !== page.label)
      await tx
        .update(upstreamPages)
        .set({ label: label || null })
        .where(eq(upstreamPages.id, page.id));
    if (shown) {
      const want = new Set(shown);
      for (const c of own.filter((c) => c.shown !== want.has(c.id)))
        await tx
          .update(upstreamComponents)
          .set({ shown: want.has(c.id) })
          .where(eq(upstreamComponents.id, c.id));
    }
    for (const [upstreamComponentId, componentIds] of Object.entries(dependencies ?? {})) {
      await tx
        .delete(upstreamDependencies)
        .where(eq(upstreamDependencies.upstreamComponentId, upstreamComponentId));
      if (componentIds.length)
        await tx
          .insert(upstreamDependencies)
          .values(
            [...new Set(componentIds)].map((componentId) => ({ upstreamComponentId, componentId })),
          );
    }
    await recordAudit(tx, ctx.actor, {
      action: "upstream.update",
      targetType: "upstream_page",
      targetId: page.id,
      before: { label: page.label, shown: own.filter((c) => c.shown).map((c) => c.id) },
      after: { label: label === undefined ? page.label : label || null, shown, dependencies },
    });
    return { id: page.id };
  });
}
