import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { safeString } from "../validation/safe-string";
import type { Ctx } from "../context";
import { emailSuppressions } from "../db/schema";
import { requireRole } from "../auth/authorize";
import { recordAudit } from "../audit/record-audit";
import { HeraldError, notFound } from "../errors";
import { normalizeEmail } from "./suppressions";

/** The suppression list for the console: who is never mailed again, and why. */
export async function listSuppressions({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  return ctx.db.select().from(emailSuppressions).orderBy(desc(emailSuppressions.createdAt));
}

const clearInput = z.object({ email: safeString().trim().min(1, "Which address?").max(320) });

/**
 * Owners only: an address that bounced may work again (a fixed mailbox), but
 * mailing it by mistake costs the whole page's reputation. Audited.
 */
export async function clearSuppression({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "owner");
  const parsed = clearInput.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const email = normalizeEmail(parsed.data.email);
  return ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(emailSuppressions)
      .where(eq(emailSuppressions.email, email))
      .returning();
    if (!removed) throw notFound("Suppressed address");
    await recordAudit(tx, ctx.actor, {
      action: "suppression.cleared",
      targetType: "email_suppression",
      targetId: email,
      before: removed,
    });
    return removed;
  });
}
