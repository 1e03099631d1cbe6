import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import type { Db } from "../db/client";
import { components, incidentTemplates } from "../db/schema";
import { SEVERITIES } from "../db/schema/enums";
import { HeraldError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { safeString } from "../validation/safe-string";

/**
 * Templates for recurring situations ("Payment provider down"): a name, and the
 * title, severity, affected components and first update the declare form starts from.
 */

const text = (max: number, missing: string) =>
  safeString(missing).trim().max(max, `At most ${max} characters.`).min(1, missing);

export const saveIncidentTemplateSchema = z.object({
  /** Empty creates a template; an id updates that one. */
  id: safeString()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  name: text(100, "Name the template."),
  title: text(200, "Enter the incident title the template starts with."),
  severity: z.enum(SEVERITIES, "Pick a severity."),
  // Bare section labels stay: a template is a structure to fill in, and publishing drops what is left empty.
  body: text(20_000, "Write the first public update."),
  componentIds: z
    .array(safeString().trim().min(1))
    .max(200)
    .default([])
    .transform((ids) => [...new Set(ids)]),
});
export type SaveIncidentTemplateInput = z.input<typeof saveIncidentTemplateSchema>;

const deleteIncidentTemplateSchema = z.object({
  id: safeString("Pick a template.").trim().min(1, "Pick a template."),
});

async function assertComponentsExist(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  const found = await db
    .select({ id: components.id })
    .from(components)
    .where(inArray(components.id, ids));
  if (found.length !== ids.length)
    throw new HeraldError("invalid", "Please correct the highlighted fields.", {
      componentIds: "Pick components that exist.",
    });
}

/** Editors create a template, or update one by id. Names are unique so the picker stays unambiguous. */
export async function saveIncidentTemplate({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = saveIncidentTemplateSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { id, ...values } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const clash = await tx
      .select({ id: incidentTemplates.id })
      .from(incidentTemplates)
      .where(
        id
          ? and(eq(incidentTemplates.name, values.name), ne(incidentTemplates.id, id))
          : eq(incidentTemplates.name, values.name),
      );
    if (clash.length)
      throw new HeraldError("conflict", "A template with that name exists.", {
        name: "A template with that name exists.",
      });
    await assertComponentsExist(tx, values.componentIds);
    if (!id) {
      const [created] = await tx.insert(incidentTemplates).values(values).returning();
      await recordAudit(tx, ctx.actor, {
        action: "incident_template.create",
        targetType: "incident_template",
        targetId: created!.id,
        after: created,
      });
      return created!;
    }
    const [before] = await tx.select().from(incidentTemplates).where(eq(incidentTemplates.id, id));
    if (!before) throw notFound("Template");
    const [after] = await tx
      .update(incidentTemplates)
      .set(values)
      .where(eq(incidentTemplates.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "incident_template.update",
      targetType: "incident_template",
      targetId: id,
      before,
      after,
    });
    return after!;
  });
}

export async function deleteIncidentTemplate({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = deleteIncidentTemplateSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .delete(incidentTemplates)
      .where(eq(incidentTemplates.id, parsed.data.id))
      .returning();
    if (!before) throw notFound("Template");
    await recordAudit(tx, ctx.actor, {
      action: "incident_template.delete",
      targetType: "incident_template",
      targetId: before.id,
      before,
    });
  });
}

/** Every template by name; viewers may read them (they see the console's declare page too). */
export async function listIncidentTemplates({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  return ctx.db.select().from(incidentTemplates).orderBy(asc(incidentTemplates.name));
}
