import { timingSafeEqual } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { smsVerifications, subscribers } from "../db/schema";
import { HeraldError } from "../errors";
import { phoneSchema } from "../sms/phone";
import { limitClient } from "./rate-limit";
import { SMS_CODE_MAX_ATTEMPTS } from "./subscribe-by-sms";
import { hashToken } from "./tokens";
import { safeString } from "../validation/safe-string";

export const confirmSmsSchema = z.object({
  phone: phoneSchema,
  code: safeString()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code we texted you."),
});

const WRONG = "That code is wrong or has expired. Ask for a new one.";

/**
 * The SMS double opt-in's second half: the code texted to the number starts
 * the subscription. Each guess counts against the code (a few are allowed),
 * and an expired or used-up code needs a new one; the answer never tells
 * whether the number is known.
 */
export async function confirmSmsSubscription({
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
  const parsed = confirmSmsSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  await limitClient(clientKey);
  const { phone, code } = parsed.data;
  const confirmed = await ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ subscriber: subscribers, verification: smsVerifications })
      .from(subscribers)
      .innerJoin(smsVerifications, eq(smsVerifications.subscriberId, subscribers.id))
      .where(and(eq(subscribers.phone, phone), eq(subscribers.audience, "public")))
      .for("update");
    if (!found || found.subscriber.state !== "pending") return false;
    const { verification } = found;
    if (verification.expiresAt <= now || verification.attempts >= SMS_CODE_MAX_ATTEMPTS)
      return false;
    const given = Buffer.from(hashToken(`${found.subscriber.id}:${code}`));
    if (!timingSafeEqual(given, Buffer.from(verification.codeHash))) {
      await tx
        .update(smsVerifications)
        .set({ attempts: sql`${smsVerifications.attempts} + 1` })
        .where(eq(smsVerifications.subscriberId, found.subscriber.id));
      return false;
    }
    await tx
      .update(subscribers)
      .set({ state: "active", confirmedAt: now })
      .where(eq(subscribers.id, found.subscriber.id));
    await tx.delete(smsVerifications).where(eq(smsVerifications.subscriberId, found.subscriber.id));
    return true;
  });
  if (!confirmed) throw new HeraldError("invalid", WRONG, { code: WRONG });
  return {
    message:
      "Subscribed. We will text this number about incidents. Reply STOP at any time to stop.",
  };
}
