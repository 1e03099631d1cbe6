import { readPublicSubscribe } from "./read-public-subscribe";
import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import {
  notificationOutbox,
  subscriberComponents,
  subscribers,
  subscriberTokens,
} from "../db/schema";
import { addressMayReceiveMail } from "./rate-limit";
import { subscribeSchema } from "./schemas";
import { CONFIRM_TOKEN_TTL_MS, hashToken, newRandomToken } from "./tokens";
import { notificationPayload } from "../notifications/payload";

/** The one answer, whatever the address's state: the form never tells whether someone is subscribed. */
export const SUBSCRIBE_ANSWER =
  "Check your inbox: we sent a link to confirm your subscription. It expires in 48 hours.";

/**
 * Public, anonymous. A new (or unsubscribed, or unconfirmed) address becomes
 * pending with the chosen components and gets a confirmation link; an active
 * address keeps its preferences and gets a link to manage them instead. The
 * email goes out through the outbox, like every other.
 */
export async function subscribeByEmail({
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
    data: { email, scope },
    chosen,
  } = await readPublicSubscribe({ ctx, schema: subscribeSchema, input, clientKey });
  if (!(await addressMayReceiveMail(email))) return { message: SUBSCRIBE_ANSWER };

  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, email))
      .for("update");
    const token = newRandomToken();
    const tokenHash = hashToken(token);
    const alreadySubscribed = existing?.state === "active";
    let subscriberId = existing?.id;
    if (!alreadySubscribed) {
      const values = {
        kind: "email" as const,
        email,
        state: "pending" as const,
        allComponents: scope === "all",
        unsubscribedAt: null,
      };
      const [row] = existing
        ? await tx
            .update(subscribers)
            .set(values)
            .where(eq(subscribers.id, existing.id))
            .returning()
        : await tx.insert(subscribers).values(values).returning();
      subscriberId = row!.id;
      await tx
        .delete(subscriberComponents)
        .where(eq(subscriberComponents.subscriberId, subscriberId));
      if (chosen.length)
        await tx
          .insert(subscriberComponents)
          .values(chosen.map((componentId) => ({ subscriberId: subscriberId!, componentId })));
      await tx.insert(subscriberTokens).values({
        tokenHash,
        subscriberId,
        purpose: "confirm",
        expiresAt: new Date(now.getTime() + CONFIRM_TOKEN_TTL_MS),
      });
    }
    await tx.insert(notificationOutbox).values({
      idempotencyKey: `subscription.confirm:${tokenHash}`,
      channel: "email",
      audience: "public",
      subjectId: subscriberId!,
      subscriberId,
      recipient: email,
      // The plain token lives here only until the email is sent (the worker scrubs it).
      ...notificationPayload(
        alreadySubscribed
          ? { eventType: "subscription.confirm", alreadySubscribed: true }
          : {
              eventType: "subscription.confirm",
              token,
              componentIds: scope === "all" ? null : chosen,
            },
      ),
    });
  });
  return { message: SUBSCRIBE_ANSWER };
}
