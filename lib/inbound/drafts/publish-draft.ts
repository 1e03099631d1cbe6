import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor, Ctx } from "../../context";
import type { Db } from "../../db/client";
import { incidentDrafts } from "../../db/schema";
import { HeraldError, notFound } from "../../errors";
import { recordAudit } from "../../audit/record-audit";
import { requireRole } from "../../auth/authorize";
import { declareIncidentIn } from "../../incidents/declare-incident";
import { declareIncidentSchema } from "../../incidents/schemas";
import { isPublicId } from "../../ids";
import { safeString } from "../../validation/safe-string";

const publishDraftSchema = z.object({
  draftId: safeString().refine(isPublicId, "No such draft."),
});

/**
 * Publishes a draft as an incident: the comms lead's edits (any declare-form
 * field) over the draft's prefilled ones, started at the first alert (so time
 * to first post counts from it), with the cadence starting now. Notifications
 * go out as for any declared incident, and never before this.
 */
export async function publishDraft({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = publishDraftSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const edits = typeof input === "object" && input !== null ? input : {};
  return ctx.db.transaction((tx) => publishDraftIn(tx, ctx.actor, parsed.data.draftId, edits));
}

export async function publishDraftIn(tx: Db, actor: Actor, draftId: string, edits: object = {}) {
  const [draft] = await tx
    .select()
    .from(incidentDrafts)
    .where(eq(incidentDrafts.id, draftId))
    .for("update");
  if (!draft) throw notFound("Draft");
  if (draft.publishedIncidentId)
    throw new HeraldError("conflict", "This draft is already published.");
  if (draft.dismissedAt) throw new HeraldError("conflict", "This draft was discarded.");
  const declared = declareIncidentSchema.safeParse({
    title: draft.title,
    severity: draft.severity,
    body: draft.body,
    components: draft.components,
    ...edits,
    startedAt: draft.firstAlertAt.toISOString(),
  });
  if (!declared.success) throw HeraldError.fromZod(declared.error);
  const written = await declareIncidentIn(tx, actor, declared.data);
  await tx
    .update(incidentDrafts)
    .set({ publishedIncidentId: written.incident.id, publishedAt: new Date() })
    .where(eq(incidentDrafts.id, draft.id));
  await recordAudit(tx, actor, {
    action: "incident_draft.publish",
    targetType: "incident_draft",
    targetId: draft.id,
    after: { incidentId: written.incident.id },
  });
  return written;
}

/** Discards a draft a person decided not to publish; its alerts still restore what they changed. */
export async function dismissDraft({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = publishDraftSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  return ctx.db.transaction(async (tx) => {
    const [draft] = await tx
      .update(incidentDrafts)
      .set({ dismissedAt: new Date() })
      .where(eq(incidentDrafts.id, parsed.data.draftId))
      .returning();
    if (!draft) throw notFound("Draft");
    await recordAudit(tx, ctx.actor, {
      action: "incident_draft.dismiss",
      targetType: "incident_draft",
      targetId: draft.id,
    });
    return draft;
  });
}
