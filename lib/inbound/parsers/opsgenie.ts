import { z } from "zod";
import { safeString } from "../../validation/safe-string";
import {
  clip,
  ignoredPayload,
  labelRecord,
  toolTime,
  type ParsedPayload,
} from "../normalized-alert";

/**
 * Opsgenie outgoing webhook: { action: Create|Close|Acknowledge|…, alert: {…} }.
 * https://support.atlassian.com/opsgenie/docs/integrate-opsgenie-with-outgoing-webhooks/
 */
export const opsgeniePayloadSchema = z.object({
  action: safeString().min(1),
  alert: z.object({
    alertId: safeString().min(1).max(200),
    alias: safeString().max(512).optional(),
    message: safeString().max(1000).optional(),
    description: safeString().max(15000).optional(),
    entity: safeString().max(512).optional(),
    priority: safeString().optional(),
    tags: z.array(safeString()).max(100).optional(),
    details: labelRecord,
    createdAt: z.union([z.number(), safeString()]).optional(),
  }),
});

export const OPSGENIE_EXPECTED =
  "an Opsgenie webhook: { action: Create|Close|Acknowledge, alert: { alertId, alias, message, description, entity, priority } }";

const STATUS_BY_ACTION: Record<string, "firing" | "resolved"> = {
  Create: "firing",
  Close: "resolved",
  Delete: "resolved",
};
/** P1 is critical, P2 something between, P3–P5 no more than a warning. */
const SEVERITY_BY_PRIORITY: Record<string, string> = {
  P1: "critical",
  P2: "major",
  P3: "warning",
  P4: "warning",
  P5: "warning",
};

export function parseOpsgenie(body: unknown) {
  const parsed = opsgeniePayloadSchema.safeParse(body);
  if (!parsed.success) return { error: parsed.error } as const;
  const { action, alert } = parsed.data;
  const status = STATUS_BY_ACTION[action];
  if (!status) return ignoredPayload(action);
  const severity = (alert.priority && SEVERITY_BY_PRIORITY[alert.priority]) ?? null;
  const labels: Record<string, string> = { ...alert.details };
  if (alert.entity) labels.entity = alert.entity;
  if (severity) labels.severity = severity;
  for (const tag of alert.tags ?? []) labels[`tag:${tag}`] = "true";
  // Opsgenie's createdAt is epoch milliseconds in webhooks.
  const created =
    typeof alert.createdAt === "number" ? new Date(alert.createdAt).toISOString() : alert.createdAt;
  const key = alert.alias || alert.alertId;
  const result: ParsedPayload = {
    groupKey: key,
    alerts: [
      {
        key,
        status,
        labels,
        title: clip(alert.message ?? "Opsgenie alert", 200)!,
        summary: clip(alert.description ?? alert.message, 2000),
        severity,
        startedAt: toolTime.parse(created),
      },
    ],
  };
  return { payload: result } as const;
}
