import { z } from "zod";
import { ACTION_ITEM_STATUSES } from "../db/schema";

const section = (max = 20_000) =>
  z.string().max(max, `Keep this section under ${max.toLocaleString("en-US")} characters.`);

export const sectionsSchema = z.object({
  summary: section(4_000),
  impact: section(),
  timeline: section(),
  rootCause: section(),
  fiveWhys: z.array(z.string().max(500)).max(5).optional(),
  resolution: section(),
  wentWell: section(),
  wentBadly: section(),
});

export const saveDraftSchema = z.object({
  incidentId: z.string().min(1),
  sections: sectionsSchema,
  /** updatedAt the editor loaded: an autosave must not overwrite a co-author's newer draft. */
  expectedUpdatedAt: z.string().optional(),
});

/** Publishing needs the parts a reader cannot do without. */
export const publishableSchema = sectionsSchema.extend({
  summary: z.string().trim().min(1, "Write a summary before publishing."),
  rootCause: z.string().trim().min(1, "Explain the root cause before publishing."),
  resolution: z.string().trim().min(1, "Describe the resolution before publishing."),
});

const httpUrl = z
  .string()
  .trim()
  .refine(
    (v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol),
    "Use a full http(s):// URL.",
  );

export const actionItemSchema = z.object({
  id: z.string().optional(),
  title: z.string().trim().min(1, "Give the action item a title.").max(200),
  owner: z
    .string()
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
  incidentId: z.string().min(1),
  items: z.array(actionItemSchema).max(50),
});
