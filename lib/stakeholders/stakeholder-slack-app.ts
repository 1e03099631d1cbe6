import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { subscribers } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { safeString } from "../validation/safe-string";

/** Public channels start with C, private ones with G (older) or C; ids are upper-case letters and digits. */
export const slackChannelIdSchema = z.object({
  channelId: safeString()
    .trim()
    .toUpperCase()
    .regex(
      /^[CG][A-Z0-9]{6,20}$/,
      "Enter the channel's id (C0123ABCD), from its details in Slack.",
    ),
});

/**
 * Editors add a Slack channel the Herald app posts to by id (Slack app mode,
 * SLACK_BOT_TOKEN): each incident gets one thread there. Stored as an internal
 * subscriber like the webhook channels, so delivery status, switch-off and
 * removal are theirs. `enabled` is whether the bot token is configured.
 */
export async function addStakeholderSlackChannel({
  ctx,
  input,
  enabled,
}: {
  ctx: Ctx;
  input: unknown;
  enabled: boolean;
}) {
  requireRole(ctx.actor, "editor");
  if (!enabled)
    throw new HeraldError("invalid", "Slack app mode is off: set SLACK_BOT_TOKEN to use it.");
  const parsed = slackChannelIdSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { channelId } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: subscribers.id })
      .from(subscribers)
      .where(and(eq(subscribers.kind, "slack_app"), eq(subscribers.slackChannelId, channelId)));
    if (existing)
      throw new HeraldError("conflict", "This channel is already on the list.", {
        channelId: "Already on the list.",
      });
    const [row] = await tx
      .insert(subscribers)
      .values({
        kind: "slack_app",
        slackChannelId: channelId,
        audience: "internal",
        state: "active",
        confirmedAt: new Date(),
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "stakeholder_chat.add",
      targetType: "subscriber",
      targetId: row!.id,
      after: { type: "slack_app", channelId },
    });
    return row!;
  });
}
