import { z } from "zod";
import { safeString } from "../validation/safe-string";
import { COMPONENT_STATUSES } from "../db/schema/enums";
import { isPublicId } from "../ids";

/** What a matching alert may do: set component status, draft an incident, or publish one. */
export const RULE_ACTIONS = ["status", "draft", "publish"] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

/**
 * One rule, as stored on the integration and read by the alert processor: the
 * same schema on both sides, so a stored rule is always one the processor understands.
 */
export const integrationRuleSchema = z.object({
  /** Label → value, all of which must match (values case-insensitively); empty matches every alert. */
  match: z
    .record(safeString().trim().min(1).max(100), safeString().max(500))
    .refine((m) => Object.keys(m).length <= 20, "At most 20 labels.")
    .default({}),
  /** Components to act on; empty means "the components the alert names" (the default matching). */
  components: z.array(safeString().refine(isPublicId, "Not a component id.")).max(100).default([]),
  /** Overrides the status derived from the alert's severity. */
  status: z.enum(COMPONENT_STATUSES, "Pick a component status.").optional(),
  actions: z
    .array(z.enum(RULE_ACTIONS, "Actions are status, draft or publish."))
    .min(1, "Give the rule at least one action.")
    .max(3),
});
export type IntegrationRule = z.output<typeof integrationRuleSchema>;

export const integrationRulesSchema = z.array(integrationRuleSchema).max(50, "At most 50 rules.");

/** With no rules: the components the alert names, status from its severity, drafted for the comms lead. */
export const DEFAULT_RULE: IntegrationRule = {
  match: {},
  components: [],
  actions: ["status", "draft"],
};

/** Minimum hold-down is 0 (apply at once); an hour is the most an alert should wait before it counts. */
export const DEFAULT_HOLD_DOWN_SECONDS = 60;
export const MAX_HOLD_DOWN_SECONDS = 3600;
