import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { postmortems } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { loadIncidentForRca } from "./load-incident-for-rca";
import { saveDraftSchema } from "./schemas";

/** Autosave target. Drafts are private; the public sees only published revisions. */
export async function savePostmortemDraft({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = saveDraftSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { incidentId, sections, expectedUpdatedAt } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const { postmortem } = await loadIncidentForRca(tx, incidentId);
    if (!postmortem) throw new HeraldError("not_found", "Start the postmortem first.");
    if (expectedUpdatedAt && postmortem.updatedAt.toISOString() !== expectedUpdatedAt) {
      throw new HeraldError(
        "conflict",
        "Someone else saved this postmortem meanwhile. Reload to see their changes before saving yours.",
      );
    }
    const [saved] = await tx
      .update(postmortems)
      .set({ sections })
      .where(eq(postmortems.id, postmortem.id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "postmortem.save_draft",
      targetType: "postmortem",
      targetId: postmortem.id,
      before: postmortem.sections,
      after: sections,
    });
    return saved!;
  });
}
