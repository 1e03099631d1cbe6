import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { notificationOutbox, subscribers } from "../db/schema";
import { HeraldError } from "../errors";
import { validTwilioSignature } from "./signature";

/**
 * Twilio's standard opt-out and opt-in keywords (matched on the whole message,
 * case-insensitive). Twilio itself blocks texts to a number that sent STOP
 * (error 21610); Herald mirrors it so it stops trying, and START resumes both.
 * https://help.twilio.com/articles/223134027
 */
const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]);
const START_WORDS = new Set(["START", "YES", "UNSTOP"]);

export type InboundResult = { action: "stopped" | "started" | "ignored"; subscriptions: number };

/**
 * An incoming text from Twilio's messaging webhook. The signature is checked
 * against `publicUrl` (the address configured at Twilio, from HERALD_URL: never
 * from request headers a client could forge); a bad one changes nothing.
 */
export async function receiveTwilioInbound({
  db,
  authToken,
  publicUrl,
  signature,
  params,
  now = new Date(),
}: {
  db: Db;
  authToken: string;
  publicUrl: string;
  signature: string | null;
  params: [string, string][];
  now?: Date;
}): Promise<InboundResult> {
  if (!validTwilioSignature(authToken, signature, publicUrl, params))
    throw new HeraldError("forbidden", "The Twilio signature does not match.");
  const get = (name: string) => params.find(([k]) => k === name)?.[1] ?? "";
  const from = get("From").trim();
  const word = get("Body").trim().toUpperCase();
  if (!from) return { action: "ignored", subscriptions: 0 };
  if (STOP_WORDS.has(word)) {
    const stopped = await db.transaction(async (tx) => {
      const rows = await tx
        .update(subscribers)
        .set({ state: "unsubscribed", unsubscribedAt: now })
        .where(and(eq(subscribers.phone, from), eq(subscribers.state, "active")))
        .returning({ id: subscribers.id });
      for (const { id } of rows)
        await tx
          .update(notificationOutbox)
          .set({ state: "skipped", lastError: "The number replied STOP." })
          .where(
            and(eq(notificationOutbox.subscriberId, id), eq(notificationOutbox.state, "pending")),
          );
      return rows.length;
    });
    return { action: "stopped", subscriptions: stopped };
  }
  if (START_WORDS.has(word)) {
    // Only numbers that had confirmed once: START is not a way round the opt-in code.
    const rows = await db
      .update(subscribers)
      .set({
        state: "active",
        unsubscribedAt: null,
        disabledAt: null,
        disabledReason: null,
        failureCount: 0,
      })
      .where(
        and(
          eq(subscribers.phone, from),
          isNotNull(subscribers.confirmedAt),
          eq(subscribers.kind, "sms"),
        ),
      )
      .returning({ id: subscribers.id });
    return { action: "started", subscriptions: rows.length };
  }
  return { action: "ignored", subscriptions: 0 };
}
