import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { subscriberComponents, subscribers } from "../db/schema";
import { HeraldError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { outboundUrlProblem } from "../http/outbound/address-policy";
import { newWebhookSecret } from "./signature";
import { isChatChannel } from "../db/schema/enums";
import { redactHookUrl } from "../subscribers/chat-url";
import { safeString } from "../validation/safe-string";

export const webhookSchema = z.object({
  url: safeString()
    .trim()
    .superRefine((v, check) => {
      // The same rule the outbound client applies when it sends, so a URL saved is a URL tried.
      const problem = outboundUrlProblem(v);
      if (problem) check.addIssue({ code: "custom", message: problem });
    }),
  componentIds: z.array(safeString()).default([]),
});

/** Editors register webhooks; the signing secret is shown once, then only used. */
export async function addWebhookSubscriber({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = webhookSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { url, componentIds } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(subscribers)
      .values({
        kind: "webhook",
        webhookUrl: url,
        webhookSecret: newWebhookSecret(),
        state: "active",
        allComponents: componentIds.length === 0,
        confirmedAt: new Date(),
      })
      .returning();
    if (componentIds.length)
      await tx
        .insert(subscriberComponents)
        .values(componentIds.map((componentId) => ({ subscriberId: row!.id, componentId })));
    await recordAudit(tx, ctx.actor, {
      action: "webhook.add",
      targetType: "subscriber",
      targetId: row!.id,
      after: { url, componentIds },
    });
    return row!;
  });
}

/** Turns a signed or chat webhook that was switched off after failures back on, with a clean failure count. */
export async function reenableWebhook({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const id = z.object({ id: safeString() }).parse(input).id;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(subscribers)
      .set({ state: "active", failureCount: 0, disabledAt: null, disabledReason: null })
      .where(and(eq(subscribers.id, id), ne(subscribers.kind, "email")))
      .returning();
    if (!row) throw notFound("Webhook");
    await recordAudit(tx, ctx.actor, {
      action: "webhook.reenable",
      targetType: "subscriber",
      targetId: id,
    });
  });
}

/** Removes any subscriber (email, webhook, chat, or a stakeholder chat channel) for good. */
export async function removeSubscriber({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const id = z.object({ id: safeString() }).parse(input).id;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(subscribers).where(eq(subscribers.id, id)).returning();
    if (!row) throw notFound("Subscriber");
    await recordAudit(tx, ctx.actor, {
      action: "subscriber.remove",
      targetType: "subscriber",
      targetId: id,
      before: {
        ...row,
        webhookSecret: undefined,
        webhookUrl: isChatChannel(row.kind) ? redactHookUrl(row.webhookUrl) : row.webhookUrl,
      },
    });
  });
}
