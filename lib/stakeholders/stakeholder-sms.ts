import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { smsConfigured } from "../config";
import { subscribers } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { phoneSchema } from "../sms/phone";

export const stakeholderSmsSchema = z.object({
  phone: phoneSchema,
  updates: z.enum(["changes", "all"]).default("changes"),
});

/**
 * A stakeholder's mobile on the private list (an on-call executive): texts of
 * the internal version, active at once since the editor adds a colleague who
 * asked for it. Stored as an internal-audience subscriber, like stakeholder
 * chat channels, so STOP, retries and switch-off are the subscribers' own.
 */
export async function addStakeholderSms({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  if (!smsConfigured())
    throw new HeraldError("invalid", "SMS is not configured: set the TWILIO_* variables.", {
      phone: "SMS is not configured.",
    });
  const parsed = stakeholderSmsSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { phone, updates } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: subscribers.id })
      .from(subscribers)
      .where(and(eq(subscribers.audience, "internal"), eq(subscribers.phone, phone)));
    if (existing)
      throw new HeraldError("conflict", "This number is already on the list.", {
        phone: "Already on the list.",
      });
    const [row] = await tx
      .insert(subscribers)
      .values({
        kind: "sms",
        phone,
        smsAllUpdates: updates === "all",
        audience: "internal",
        state: "active",
        confirmedAt: new Date(),
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "stakeholder_sms.add",
      targetType: "subscriber",
      targetId: row!.id,
      after: { phone, updates },
    });
    return row!;
  });
}
