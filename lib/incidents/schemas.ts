import { z } from "zod";
import { COMPONENT_STATUSES, IMPACTS, INCIDENT_STATES, SEVERITIES } from "../db/schema/enums";
import { dropEmptySections } from "./update-text";
import { safeString } from "../validation/safe-string";

/** A little slack so a clock a few seconds ahead of the server is not "in the future". */
const CLOCK_SKEW_MS = 60_000;

/** `missing` is also the message for an absent field: API clients send JSON that may leave it out. */
const text = (max: number, missing?: string) =>
  safeString(missing).trim().max(max, `At most ${max} characters.`);
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => v || null);
const body = (missing: string) =>
  text(20_000, missing).transform(dropEmptySections).pipe(safeString().min(1, missing));
const id = safeString().trim().min(1);

/** An ISO time from the form; empty means "not given". */
const optionalMoment = (label: string) =>
  safeString()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const date = new Date(v);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: `Enter a valid ${label}.` });
        return z.NEVER;
      }
      return date;
    });

/** An ISO time (the form converts the browser's local time) that is not in the future; empty means now. */
const pastMoment = (label: string) =>
  optionalMoment(label).refine(
    (date) => date === undefined || date.getTime() <= Date.now() + CLOCK_SKEW_MS,
    `The ${label} cannot be in the future.`,
  );

const componentChanges = z
  .array(z.object({ componentId: id, status: z.enum(COMPONENT_STATUSES, "Pick a status.") }))
  .max(200)
  .default([])
  .refine(
    (list) => new Set(list.map((c) => c.componentId)).size === list.length,
    "Each component can be listed once.",
  );

/** "default" follows the page's setting for the severity, "none" turns the cadence off. */
const cadence = z.union([
  z
    .enum(["default", "none", ""])
    .transform((v) => (v === "none" ? ("none" as const) : ("default" as const))),
  z.coerce
    .number()
    .int("Whole minutes.")
    .min(5, "At least 5 minutes.")
    .max(1440, "At most 24 hours."),
]);

const updateFields = {
  body: body("Write the public update."),
  internalNote: optionalText(5_000),
  businessImpact: optionalText(2_000),
  eta: optionalText(200),
  notify: z.boolean().default(true),
};

const openState = z.enum(
  INCIDENT_STATES.filter((s) => s !== "resolved") as ["investigating", "identified", "monitoring"],
  "Pick a state.",
);

export const declareIncidentSchema = z.object({
  title: text(200).min(1, "Enter a title customers will understand."),
  severity: z.enum(SEVERITIES, "Pick a severity."),
  impact: z
    .union([z.literal(""), z.enum(IMPACTS, "Pick an impact.")])
    .optional()
    .transform((v) => v || null),
  state: openState.default("investigating"),
  cadence: cadence.default("default"),
  startedAt: pastMoment("start time"),
  components: componentChanges,
  ...updateFields,
  body: body("Write the first public update."),
});
export type DeclareIncidentInput = z.input<typeof declareIncidentSchema>;

/** The id of the newest update the form was showing; another update published since is a conflict. */
const staleGuard = { incidentId: id, expectedLatestUpdateId: safeString().trim().optional() };

export const publishIncidentUpdateSchema = z.object({
  ...staleGuard,
  state: z.enum(INCIDENT_STATES, "Pick a state."),
  displayAt: pastMoment("display time"),
  /** The promised next update; empty means one cadence after the update. */
  nextUpdateBy: optionalMoment("next update time"),
  /** Required when the promise is later than the cadence; console only. */
  nextUpdateReason: optionalText(500),
  components: componentChanges,
  rcaDueOn: z.iso
    .date("Pick a date.")
    // A day of slack: "today" somewhere on Earth may still be yesterday in UTC.
    .refine(
      (day) => day >= new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      "The RCA date cannot be in the past.",
    )
    .optional()
    .or(z.literal("").transform(() => undefined)),
  ...updateFields,
});
export type PublishIncidentUpdateInput = z.input<typeof publishIncidentUpdateSchema>;

export const resolveIncidentSchema = z.object({
  ...staleGuard,
  rcaDueOn: publishIncidentUpdateSchema.shape.rcaDueOn,
  ...updateFields,
});
export type ResolveIncidentInput = z.input<typeof resolveIncidentSchema>;

export const reopenIncidentSchema = z.object({
  ...staleGuard,
  state: openState.default("investigating"),
  components: componentChanges,
  ...updateFields,
  body: body("Tell customers why the incident is open again."),
});
export type ReopenIncidentInput = z.input<typeof reopenIncidentSchema>;

export const editIncidentUpdateSchema = z.object({
  updateId: id,
  body: body("The update cannot be empty."),
  /** The update's updatedAt as the form saw it. */
  expectedUpdatedAt: safeString().optional(),
});
export type EditIncidentUpdateInput = z.input<typeof editIncidentUpdateSchema>;

/** A component's place in a corrected incident: a status, or "" for "not affected". */
const affectedChoice = z.object({
  componentId: id,
  status: z.union([z.literal(""), z.enum(COMPONENT_STATUSES, "Pick a status.")]),
});

export const editIncidentDetailsSchema = z.object({
  incidentId: id,
  title: declareIncidentSchema.shape.title,
  severity: declareIncidentSchema.shape.severity,
  impact: declareIncidentSchema.shape.impact,
  cadence,
  /** Only the components whose choice changed in the form. */
  components: z.array(affectedChoice).max(200).default([]),
});
export type EditIncidentDetailsInput = z.input<typeof editIncidentDetailsSchema>;

export const handOverIncidentSchema = z.object({
  incidentId: id,
  commsLeadId: safeString("Pick the new comms lead.").trim().min(1, "Pick the new comms lead."),
});
export type HandOverIncidentInput = z.input<typeof handOverIncidentSchema>;
