import { sql } from "drizzle-orm";
import { isAnyOf } from "../db/any-of";
import type { Db } from "../db/client";
import { emailSuppressions, type SuppressionReason } from "../db/schema";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Puts an address on the suppression list (system writes: the worker after a
 * permanent SMTP refusal, Resend's signed webhook). A later event about the
 * same address updates the reason: a complaint outranks a bounce.
 */
export async function suppressAddress(
  db: Db,
  {
    email,
    reason,
    detail,
    source,
  }: { email: string; reason: SuppressionReason; detail: string | null; source: "resend" | "smtp" },
): Promise<void> {
  await db
    .insert(emailSuppressions)
    .values({ email: normalizeEmail(email), reason, detail: detail?.slice(0, 500) ?? null, source })
    .onConflictDoUpdate({
      target: emailSuppressions.email,
      set: {
        reason: sql`case when ${emailSuppressions.reason} = 'complained' then ${emailSuppressions.reason} else excluded.reason end`,
        detail: sql`excluded.detail`,
        source: sql`excluded.source`,
      },
    });
}

const REASON_TEXT: Record<SuppressionReason, string> = {
  bounced: "the address hard-bounced",
  complained: "the recipient marked an earlier email as spam",
};

/** The suppressed addresses among `emails`, each with the sentence the console shows for a skipped delivery. */
export async function suppressedAmong(
  db: Db,
  emails: readonly string[],
): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .select({ email: emailSuppressions.email, reason: emailSuppressions.reason })
    .from(emailSuppressions)
    .where(isAnyOf(emailSuppressions.email, [...new Set(emails.map(normalizeEmail))]));
  return new Map(
    rows.map((r) => [
      r.email,
      `Suppressed: ${REASON_TEXT[r.reason]} (cleared by an owner in Subscribers).`,
    ]),
  );
}
