import { z } from "zod";
import { COMPONENT_STATUSES } from "../db/schema/enums";
import { safeString } from "../validation/safe-string";

const name = safeString().trim().min(1, "Enter a name.").max(100, "At most 100 characters.");
const description = safeString()
  .trim()
  .max(500, "At most 500 characters.")
  .optional()
  .transform((v) => v || null);
const id = safeString().trim().min(1);

export const componentFieldsSchema = z.object({
  name,
  description,
  groupId: safeString()
    .trim()
    .optional()
    .transform((v) => v || null),
  /** Uptime counts from this day; empty means from creation. */
  startDate: z
    .union([z.literal(""), z.iso.date("Use a date like 2026-01-31.")])
    .optional()
    .transform((v) => v || null),
  onlyShowIfDegraded: z.boolean().default(false),
  visible: z.boolean().default(true),
});
export const createComponentSchema = componentFieldsSchema;
export const updateComponentSchema = componentFieldsSchema.extend({
  id,
  expectedUpdatedAt: safeString().optional(),
});

export const groupFieldsSchema = z.object({ name, description });
export const createGroupSchema = groupFieldsSchema;
export const updateGroupSchema = groupFieldsSchema.extend({
  id,
  expectedUpdatedAt: safeString().optional(),
});

export const setComponentStatusSchema = z.object({
  componentId: id,
  status: z.enum(COMPONENT_STATUSES, "Pick a status."),
});

export const moveSchema = z.object({
  kind: z.enum(["component", "group"]),
  id,
  direction: z.enum(["up", "down"]),
});
