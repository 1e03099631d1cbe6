import { z } from "zod";
import { safeString } from "../validation/safe-string";
import { MAINTENANCE_REPEATS } from "../db/schema/maintenance";
import { LONGEST_WINDOW_MS } from "./next-occurrence";

const moment = (label: string) =>
  safeString()
    .trim()
    .min(1, `Pick the ${label}.`)
    .transform((v, ctx) => {
      const date = new Date(v);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: `Enter a valid ${label}.` });
        return z.NEVER;
      }
      return date;
    });

const id = safeString().trim().min(1);

/**
 * The object's checks across fields still run when a field failed (an empty time fails `min` without
 * aborting, and is still a string): they compare only what parsed. An empty end made a 500.
 */
const isDate = (value: unknown): value is Date => value instanceof Date;
const optionalBody = safeString()
  .trim()
  .max(20_000, "At most 20000 characters.")
  .optional()
  .transform((v) => v || null);

export const scheduleMaintenanceSchema = z
  .object({
    title: safeString()
      .trim()
      .min(1, "Enter a title customers will understand.")
      .max(200, "At most 200 characters."),
    body: safeString()
      .trim()
      .min(1, "Describe the work and what customers will notice.")
      .max(20_000, "At most 20000 characters."),
    scheduledFor: moment("start time"),
    scheduledUntil: moment("end time"),
    components: z.array(id).min(1, "Pick at least one affected component.").max(200),
    autoStart: z.boolean().default(true),
    autoComplete: z.boolean().default(true),
    notify: z.boolean().default(true),
    repeat: z
      .enum(["none", ...MAINTENANCE_REPEATS], { error: "Pick how often the window repeats." })
      .default("none"),
    /** Optional last day of a recurring window: no occurrence starts after it. */
    repeatUntil: z
      .union([z.literal("").transform(() => null), moment("repeat end")])
      .nullable()
      .default(null),
  })
  .refine(
    (m) =>
      !isDate(m.scheduledUntil) || !isDate(m.scheduledFor) || m.scheduledUntil > m.scheduledFor,
    {
      message: "The end must be after the start.",
      path: ["scheduledUntil"],
    },
  )
  // A window already over would be listed as upcoming and then "run" at once.
  .refine((m) => !isDate(m.scheduledUntil) || m.scheduledUntil.getTime() > Date.now(), {
    message: "This window has already ended: pick an end in the future.",
    path: ["scheduledUntil"],
  })
  // Occurrences of one series must not overlap.
  .refine(
    (m) =>
      m.repeat === "none" ||
      !isDate(m.scheduledUntil) ||
      !isDate(m.scheduledFor) ||
      m.scheduledUntil.getTime() - m.scheduledFor.getTime() < LONGEST_WINDOW_MS[m.repeat],
    { message: "A repeating window must end before its next occurrence starts.", path: ["repeat"] },
  )
  .refine(
    (m) =>
      m.repeat === "none" ||
      !isDate(m.repeatUntil) ||
      !isDate(m.scheduledFor) ||
      m.repeatUntil > m.scheduledFor,
    {
      message: "The repeat end must be after the first start.",
      path: ["repeatUntil"],
    },
  );

/** A state change, with an optional public message (a default one is written otherwise). */
export const maintenanceTransitionSchema = z.object({
  maintenanceId: id,
  body: optionalBody,
  notify: z.boolean().default(true),
});

export const extendMaintenanceSchema = z.object({
  maintenanceId: id,
  scheduledUntil: moment("new end time"),
  body: optionalBody,
  notify: z.boolean().default(true),
});
