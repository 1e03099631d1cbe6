import { z } from "zod";
import { safeString } from "../validation/safe-string";

const hexColor = safeString()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #2563eb.");
const httpUrl = safeString()
  .trim()
  .refine(
    (v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol),
    "Use a full http(s):// URL.",
  );
const timeZone = safeString()
  .trim()
  .refine(
    (tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC",
    "Pick a time zone from the list.",
  );
const cadence = z
  .union([
    z.literal(""),
    z.coerce.number().int().min(5, "At least 5 minutes.").max(1440, "At most 24 hours."),
  ])
  .transform((v) => (v === "" ? null : v));

export const pageSettingsSchema = z.object({
  name: safeString().trim().min(1, "Enter the page name.").max(100, "At most 100 characters."),
  url: httpUrl,
  timeZone,
  logoUrl: z.union([z.literal(""), httpUrl]).transform((v) => v || null),
  brandColor: hexColor,
  supportLinks: z
    .array(z.object({ label: safeString().trim().min(1).max(60), url: httpUrl }))
    .max(5),
  cadenceSev1: cadence,
  cadenceSev2: cadence,
  cadenceSev3: cadence,
  cadenceSev4: cadence,
  pastIncidentDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(0, "0 hides past incidents; no fewer.")
    .max(30, "At most 30 days; older incidents are in the history.")
    .optional(),
  /** "24, 1": hours before a maintenance window that its subscribers are reminded; empty for none. */
  maintenanceReminderHours: safeString()
    .trim()
    .max(40)
    .transform((v, ctx) => {
      const parts = v ? v.split(/[\s,]+/).filter(Boolean) : [];
      const hours = parts.map(Number);
      if (hours.some((h) => !Number.isInteger(h) || h < 1 || h > 168)) {
        ctx.addIssue({ code: "custom", message: "Whole hours from 1 to 168, like “24, 1”." });
        return z.NEVER;
      }
      if (hours.length > 3) {
        ctx.addIssue({ code: "custom", message: "At most three reminders." });
        return z.NEVER;
      }
      return [...new Set(hours)].sort((a, b) => b - a);
    })
    .optional(),
  /** The updatedAt the form was loaded with: detects a concurrent edit. */
  expectedUpdatedAt: safeString().optional(),
});
export type PageSettingsInput = z.input<typeof pageSettingsSchema>;
