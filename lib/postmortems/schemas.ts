import { z } from "zod";
import { ACTION_ITEM_STATUSES } from "../db/schema";
import { safeString } from "../validation/safe-string";

const section = (max = 20_000) =>
  safeString().max(max, `Keep this section under ${max.toLocaleString("en-US")} characters.`);

export const sectionsSchema = z.object({
  summary: section(4_000),
  impact: section(),
  timeline: section(),
  rootCause: section(),
  fiveWhys: z.array(safeString().max(500)).max(5).optional(),
  resolution: section(),
  wentWell: section(),
  wentBadly: section(),
});

export const saveDraftSchema = z.object({
  incidentId: safeString().min(1),
  sections: sectionsSchema,
  /** updatedAt the editor loaded: an autosave must not overwrite a co-author's newer draft. */
  expectedUpdatedAt: safeString().optional(),
});

/** Publishing needs the parts a reader cannot do without. */
export const publishableSchema = sectionsSchema.extend({
  summary: safeString().trim().min(1, "Write a summary before publishing."),
  rootCause: safeString().trim().min(1, "Explain the root cause before publishing."),
  resolution: safeString().trim().min(1, "Describe the resolution before publishing."),
});

const httpUrl = safeString()
  .trim()
  .refine(
    (v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol),
    "Use a full http(s):// URL.",
  );

export const actionItemSchema = z.object({
  id: safeString().optional(),
  title: safeString().trim().min(1, "Give the action item a title.").max(200),
  owner: safeString()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || null),
  dueOn: z
    .union([z.literal(""), z.iso.date("Use a date like 2026-12-01.")])
    .optional()
    .transform((v) => v || null),
  status: z.enum(ACTION_ITEM_STATUSES),
  publicUrl: z
    .union([z.literal(""), httpUrl])
    .optional()
    .transform((v) => v || null),
});

export const saveActionItemsSchema = z.object({
  incidentId: safeString().min(1),
  items: z.array(actionItemSchema).max(50),
});
