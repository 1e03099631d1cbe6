import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { CHAT_CHANNELS, subscribers } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { hookUrlSchema, redactHookUrl } from "../subscribers/chat-url";

export const stakeholderChatSchema = z.object({
  type: z.enum(CHAT_CHANNELS, { error: `Choose a platform: ${CHAT_CHANNELS.join(", ")}.` }),
  url: hookUrlSchema,
});

/**
 * The stakeholder list's chat channels (an #incident-exec Slack channel, a
 * Teams channel for support…): they get the internal version of every update.
 * Stored as internal-audience subscribers, so delivery, retries and the
 * switch-off of a deleted webhook are the subscribers' own.
 */
export async function listStakeholderChats({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  const rows = await ctx.db
    .select()
    .from(subscribers)
    .where(eq(subscribers.audience, "internal"))
    .orderBy(asc(subscribers.createdAt));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    // Slack app channels are named by id (not a secret); webhook URLs are credentials.
    url:
      r.kind === "slack_app"
        ? r.slackChannelId
        : r.kind === "sms"
          ? r.phone
          : redactHookUrl(r.webhookUrl),
    state: r.state,
    failureCount: r.failureCount,
    disabledReason: r.disabledReason,
  }));
}

/** Editors add a channel; it is theirs to choose, so no opt-in message is posted first. */
export async function addStakeholderChat({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = stakeholderChatSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { type, url } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: subscribers.id })
      .from(subscribers)
      .where(
        and(
          eq(subscribers.audience, "internal"),
          eq(subscribers.kind, type),
          eq(subscribers.webhookUrl, url),
        ),
      );
    if (existing)
      throw new HeraldError("conflict", "This channel is already on the list.", {
        url: "Already on the list.",
      });
    const [row] = await tx
      .insert(subscribers)
      .values({
        kind: type,
        webhookUrl: url,
        audience: "internal",
        state: "active",
        confirmedAt: new Date(),
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "stakeholder_chat.add",
      targetType: "subscriber",
      targetId: row!.id,
      after: { type, url: redactHookUrl(url) },
    });
    return row!;
  });
}
