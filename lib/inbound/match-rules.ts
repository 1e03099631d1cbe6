import type { ComponentStatus } from "../db/schema/enums";
import type { NormalizedAlert } from "./normalized-alert";
import { DEFAULT_RULE, type IntegrationRule, type RuleAction } from "./rules";

export type RuleDecision = {
  componentIds: string[];
  status: ComponentStatus;
  actions: RuleAction[];
};
type NamedComponent = { id: string; name: string };

/** critical → major outage, warning → degraded performance, anything else → partial outage. */
export function statusForSeverity(severity: string | null): ComponentStatus {
  const level = severity?.trim().toLowerCase();
  if (level === "critical") return "major_outage";
  if (level === "warning") return "degraded_performance";
  return "partial_outage";
}

/** The components an alert names: its `component` label, else the tool's service or entity, by name. */
export function namedComponents(labels: Record<string, string>, all: readonly NamedComponent[]) {
  const hint = (labels.component ?? labels.service ?? labels.entity)?.trim().toLowerCase();
  if (!hint) return [];
  return all.filter((c) => c.name.trim().toLowerCase() === hint).map((c) => c.id);
}

function matches(match: Record<string, string>, labels: Record<string, string>) {
  return Object.entries(match).every(
    ([label, value]) => labels[label]?.toLowerCase() === value.toLowerCase(),
  );
}

/**
 * The first rule whose labels match decides (with no rules, the default rule).
 * A rule without components acts on the ones the alert names; a status rule
 * that ends up with no component, and no other action, decides nothing.
 */
export function decideForAlert(
  rules: readonly IntegrationRule[],
  alert: NormalizedAlert,
  all: readonly NamedComponent[],
): RuleDecision | null {
  for (const rule of rules.length > 0 ? rules : [DEFAULT_RULE]) {
    if (!matches(rule.match, alert.labels)) continue;
    const componentIds = rule.components.length
      ? rule.components
      : namedComponents(alert.labels, all);
    const actions =
      componentIds.length > 0 ? rule.actions : rule.actions.filter((a) => a !== "status");
    // The default rule without a named component would draft every unrelated alert.
    if (rules.length === 0 && componentIds.length === 0) return null;
    if (actions.length === 0) continue;
    return { componentIds, status: rule.status ?? statusForSeverity(alert.severity), actions };
  }
  return null;
}
