import type { Db } from "../db/client";
import { notificationOutbox, subscriberTokens, type Channel } from "../db/schema";
import { notificationPayload } from "../notifications/payload";
import { CONFIRM_TOKEN_TTL_MS, hashToken, newRandomToken } from "./tokens";

/**
 * The double opt-in's first half for a subscriber already written as pending:
 * a single-use token (only its hash stored) and the confirmation message in
 * the outbox, by email or posted to the chat webhook. Call inside the write's
 * transaction.
 */
export async function queueConfirmation(
  tx: Db,
  {
    subscriberId,
    channel,
    recipient,
    componentIds,
    now,
  }: {
    subscriberId: string;
    channel: Channel;
    recipient: string;
    componentIds: string[] | null;
    now: Date;
  },
): Promise<void> {
  const token = newRandomToken();
  const tokenHash = hashToken(token);
  await tx.insert(subscriberTokens).values({
    tokenHash,
    subscriberId,
    purpose: "confirm",
    expiresAt: new Date(now.getTime() + CONFIRM_TOKEN_TTL_MS),
  });
  await tx.insert(notificationOutbox).values({
    idempotencyKey: `subscription.confirm:${tokenHash}`,
    channel,
    audience: "public",
    subjectId: subscriberId,
    subscriberId,
    recipient,
    // The plain token lives here only until the message is sent (the worker scrubs it).
    ...notificationPayload({ eventType: "subscription.confirm", token, componentIds }),
  });
}
