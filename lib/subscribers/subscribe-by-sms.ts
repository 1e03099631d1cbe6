import { readPublicSubscribe } from "./read-public-subscribe";
import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import {
  notificationOutbox,
  smsVerifications,
  subscriberComponents,
  subscribers,
} from "../db/schema";
import { notificationPayload } from "../notifications/payload";
import { phoneSchema } from "../sms/phone";
import { addressMayReceiveMail } from "./rate-limit";
import { componentChoice, refineChoice } from "./schemas";
import { hashToken } from "./tokens";

/** A texted code is good for this long, and for this many wrong guesses. */
export const SMS_CODE_TTL_MS = 10 * 60_000;
export const SMS_CODE_MAX_ATTEMPTS = 5;

export const subscribeBySmsSchema = z
  .object({
    phone: phoneSchema,
    /** Every update, or only when an incident starts, changes state or resolves. */
    updates: z.enum(["changes", "all"]).default("changes"),
    ...componentChoice,
  })
  .superRefine(refineChoice);

export const SMS_SUBSCRIBE_ANSWER =
  "We texted a 6-digit code to that number. Enter it below within 10 minutes.";

/**
 * Public, anonymous: the SMS double opt-in's first half. The number becomes
 * (or stays) pending with the chosen components, and Herald texts it a
 * 6-digit code; only its hash is stored. A number already subscribed gets
 * nothing (the answer is the same). Rate-limited per client and per number.
 */
export async function subscribeBySms({
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
    data: { phone, updates, scope },
    chosen,
  } = await readPublicSubscribe({ ctx, schema: subscribeBySmsSchema, input, clientKey });
  const answer = { message: SMS_SUBSCRIBE_ANSWER, phone };
  if (!(await addressMayReceiveMail(`sms:${phone}`))) return answer;

  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(subscribers)
      .where(and(eq(subscribers.phone, phone), eq(subscribers.audience, "public")))
      .for("update");
    if (existing?.state === "active") return;
    const values = {
      kind: "sms" as const,
      phone,
      state: "pending" as const,
      allComponents: scope === "all",
      smsAllUpdates: updates === "all",
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
    await queueSmsCode(tx, { subscriberId: row!.id, phone, now });
  });
  return answer;
}

/** A fresh code replaces any earlier one (and its count of guesses); the text goes through the outbox. */
export async function queueSmsCode(
  tx: Ctx["db"],
  { subscriberId, phone, now }: { subscriberId: string; phone: string; now: Date },
) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const codeHash = hashToken(`${subscriberId}:${code}`);
  const expiresAt = new Date(now.getTime() + SMS_CODE_TTL_MS);
  await tx
    .insert(smsVerifications)
    .values({ subscriberId, codeHash, expiresAt })
    .onConflictDoUpdate({
      target: smsVerifications.subscriberId,
      set: { codeHash, expiresAt, attempts: 0, createdAt: now },
    });
  await tx.insert(notificationOutbox).values({
    idempotencyKey: `subscription.confirm:sms:${codeHash}`,
    channel: "sms",
    audience: "public",
    subjectId: subscriberId,
    subscriberId,
    recipient: phone,
    // The code lives here only until the text is sent (the worker scrubs it).
    ...notificationPayload({ eventType: "subscription.confirm", token: code }),
  });
}
