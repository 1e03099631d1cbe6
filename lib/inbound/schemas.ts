import { z } from "zod";
import { INTEGRATION_TYPES } from "../db/schema/enums";
import { isPublicId } from "../ids";
import { safeString } from "../validation/safe-string";
import { DEFAULT_HOLD_DOWN_SECONDS, integrationRulesSchema, MAX_HOLD_DOWN_SECONDS } from "./rules";

/** The management API's body (snake_case, as the API documents it); the console form posts the same fields. */
export const createIntegrationSchema = z
  .object({
    type: z.enum(INTEGRATION_TYPES, `The type is one of ${INTEGRATION_TYPES.join(", ")}.`),
    name: safeString("Name the integration.")
      .trim()
      .min(1, "Name the integration.")
      .max(100, "At most 100 characters."),
    hold_down_seconds: z.coerce
      .number("Whole seconds.")
      .int("Whole seconds.")
      .min(0, "At least 0 seconds.")
      .max(MAX_HOLD_DOWN_SECONDS, `At most ${MAX_HOLD_DOWN_SECONDS} seconds.`)
      .default(DEFAULT_HOLD_DOWN_SECONDS),
    rules: integrationRulesSchema.default([]),
    /** Heartbeats only: the longest gap between pings before the components are marked down. */
    heartbeat_interval_seconds: z.coerce
      .number("Whole seconds.")
      .int("Whole seconds.")
      .min(60, "At least 60 seconds (the worker checks once a minute).")
      .max(7 * 86_400, "At most a week.")
      .optional(),
    /** PagerDuty only: the signing secret PagerDuty shows for the webhook subscription. */
    signing_secret: safeString().trim().max(200).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.type !== "heartbeat") return;
    if (!input.heartbeat_interval_seconds)
      ctx.addIssue({
        code: "custom",
        path: ["heartbeat_interval_seconds"],
        message: "Say how often the heartbeat pings.",
      });
    if (!input.rules.some((rule) => rule.components.length > 0))
      ctx.addIssue({
        code: "custom",
        path: ["rules"],
        message: "Give a rule with the components a missed heartbeat marks down.",
      });
  });
export type CreateIntegrationInput = z.input<typeof createIntegrationSchema>;

export const integrationIdSchema = z.object({
  integrationId: safeString().refine(isPublicId, "No such integration."),
});

/**
 * PATCH /api/v1/integrations/{id} and the console's edit form: any of name,
 * hold-down, rules and heartbeat interval; fields left out stay as they are.
 */
export const updateIntegrationSchema = integrationIdSchema.extend({
  name: safeString("Name the integration.")
    .trim()
    .min(1, "Name the integration.")
    .max(100, "At most 100 characters.")
    .optional(),
  hold_down_seconds: z.coerce
    .number("Whole seconds.")
    .int("Whole seconds.")
    .min(0, "At least 0 seconds.")
    .max(MAX_HOLD_DOWN_SECONDS, `At most ${MAX_HOLD_DOWN_SECONDS} seconds.`)
    .optional(),
  rules: integrationRulesSchema.optional(),
  heartbeat_interval_seconds: z.coerce
    .number("Whole seconds.")
    .int("Whole seconds.")
    .min(60, "At least 60 seconds (the worker checks once a minute).")
    .max(7 * 86_400, "At most a week.")
    .optional(),
});
