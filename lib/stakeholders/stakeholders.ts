import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { stakeholders } from "../db/schema";
import { HeraldError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { safeString } from "../validation/safe-string";

export const stakeholderSchema = z.object({
  name: safeString().trim().min(1, "Enter a name.").max(100),
  email: safeString().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  title: safeString()
    .trim()
    .max(100)
    .transform((v) => v || null)
    .default(""),
});

/** The private list: console members may read it; it never appears publicly. */
export async function listStakeholders({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  return ctx.db.select().from(stakeholders).orderBy(asc(stakeholders.name));
}

export async function addStakeholder({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = stakeholderSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(stakeholders)
      .values(parsed.data)
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new HeraldError("conflict", "This address is already on the list.", {
        email: "Already on the list.",
      });
    await recordAudit(tx, ctx.actor, {
      action: "stakeholder.add",
      targetType: "stakeholder",
      targetId: row.id,
      after: row,
    });
    return row;
  });
}

export async function removeStakeholder({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const id = z.object({ id: safeString() }).parse(input).id;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(stakeholders).where(eq(stakeholders.id, id)).returning();
    if (!row) throw notFound("Stakeholder");
    await recordAudit(tx, ctx.actor, {
      action: "stakeholder.remove",
      targetType: "stakeholder",
      targetId: id,
      before: row,
    });
  });
}
