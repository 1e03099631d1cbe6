import { Webhook } from "svix";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { safeString } from "../validation/safe-string";
import type { Db } from "../db/client";
import { notificationOutbox as outbox } from "../db/schema";
import { HeraldError } from "../errors";
import { suppressAddress } from "./suppressions";

/** The three events Herald acts on (https://resend.com/docs/webhooks); any other is acknowledged and ignored. */
const resendEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("email.delivered"),
    data: z.object({ email_id: safeString(), to: z.array(safeString()) }),
  }),
  z.object({
    type: z.literal("email.bounced"),
    data: z.object({
      email_id: safeString(),
      to: z.array(safeString()),
      bounce: z
        .object({
          type: safeString(),
          subType: safeString().optional(),
          message: safeString().optional(),
        })
        .optional(),
    }),
  }),
  z.object({
    type: z.literal("email.complained"),
    data: z.object({ email_id: safeString(), to: z.array(safeString()) }),
  }),
]);

export type ResendWebhookResult = "delivered" | "suppressed" | "ignored";

/**
 * POST /api/webhooks/resend. The Svix signature (svix-id, svix-timestamp,
 * svix-signature over the raw body, with RESEND_WEBHOOK_SECRET) is checked
 * before anything is read; a replayed or forged request changes nothing.
 * A hard bounce ("Permanent") or a complaint suppresses the address; a
 * delivery marks the outbox row delivered. Replays of the same event are
 * harmless (each write is idempotent).
 */
export async function receiveResendWebhook({
  db,
  secret,
  body,
  headers,
}: {
  db: Db;
  secret: string;
  body: string;
  headers: Record<string, string>;
}): Promise<ResendWebhookResult> {
  try {
    new Webhook(secret).verify(body, headers);
  } catch {
    throw new HeraldError("unauthenticated", "The webhook signature does not verify.");
  }
  let json: unknown = null;
  try {
    json = JSON.parse(body);
  } catch {
    return "ignored";
  }
  const parsed = resendEvent.safeParse(json);
  if (!parsed.success) return "ignored";
  const event = parsed.data;
  if (event.type === "email.delivered") {
    await db
      .update(outbox)
      .set({ deliveredAt: new Date() })
      .where(eq(outbox.providerMessageId, event.data.email_id));
    return "delivered";
  }
  if (event.type === "email.bounced" && event.data.bounce?.type !== "Permanent") return "ignored";
  const detail =
    event.type === "email.bounced"
      ? [event.data.bounce?.subType, event.data.bounce?.message].filter(Boolean).join(": ")
      : "Marked as spam by the recipient.";
  for (const email of event.data.to)
    await suppressAddress(db, {
      email,
      reason: event.type === "email.bounced" ? "bounced" : "complained",
      detail: detail || null,
      source: "resend",
    });
  return "suppressed";
}
