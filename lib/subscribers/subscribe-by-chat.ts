import { readPublicSubscribe } from "./read-public-subscribe";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { CHAT_CHANNELS, subscriberComponents, subscribers } from "../db/schema";
import { CHAT_LABELS } from "../channels/chat-message";
import { hookUrlSchema } from "./chat-url";
import { queueConfirmation } from "./queue-confirmation";
import { addressMayReceiveMail } from "./rate-limit";
import { componentChoice, refineChoice } from "./schemas";

export const subscribeByChatSchema = z
  .object({
    type: z.enum(CHAT_CHANNELS, {
      error: "Choose where to post: Slack, Teams, Discord, Google Chat or Mattermost.",
    }),
    url: hookUrlSchema,
    ...componentChoice,
  })
  .superRefine(refineChoice);

/** The one answer, whatever the URL's state: the form never tells whether a channel is subscribed. */
export const chatSubscribeAnswer = (type: (typeof CHAT_CHANNELS)[number]) =>
  `We posted a message to that ${CHAT_LABELS[type]} channel. Open its link within 48 hours to start the updates.`;

/**
 * Public, anonymous: the double opt-in for chat. A new (or unconfirmed, or
 * switched-off) webhook URL becomes pending with the chosen components, and
 * Herald posts a message with an activation link to the channel itself, so
 * only someone who can read the channel can start the updates. A URL already
 * subscribed is left as it is. Rate-limited per client and per URL.
 */
export async function subscribeByChat({
  ctx,
  input,
  clientKey,
  now = new Date(),
}: {
  ctx: Ctx;
  input: unknown;
  clientKey: string;
  now?: Date;
}) {
  const {
    data: { type, url, scope },
    chosen,
  } = await readPublicSubscribe({ ctx, schema: subscribeByChatSchema, input, clientKey });
  const message = chatSubscribeAnswer(type);
  if (!(await addressMayReceiveMail(`${type}:${url}`))) return { message };

  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(subscribers)
      .where(
        and(
          eq(subscribers.kind, type),
          eq(subscribers.webhookUrl, url),
          eq(subscribers.audience, "public"),
        ),
      )
      .for("update");
    if (existing?.state === "active") return;
    const values = {
      kind: type,
      webhookUrl: url,
      state: "pending" as const,
      allComponents: scope === "all",
      unsubscribedAt: null,
      failureCount: 0,
      disabledAt: null,
      disabledReason: null,
    };
    const [row] = existing
      ? await tx.update(subscribers).set(values).where(eq(subscribers.id, existing.id)).returning()
      : await tx.insert(subscribers).values(values).returning();
    await tx.delete(subscriberComponents).where(eq(subscriberComponents.subscriberId, row!.id));
    if (chosen.length)
      await tx
        .insert(subscriberComponents)
        .values(chosen.map((componentId) => ({ subscriberId: row!.id, componentId })));
    await queueConfirmation(tx, {
      subscriberId: row!.id,
      channel: type,
      recipient: url,
      componentIds: scope === "all" ? null : chosen,
      now,
    });
  });
  return { message };
}
