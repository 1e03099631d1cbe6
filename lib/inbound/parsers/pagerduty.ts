import { z } from "zod";
import { safeString } from "../../validation/safe-string";
import { clip, ignoredPayload, toolTime, type ParsedPayload } from "../normalized-alert";

/**
 * PagerDuty V3 webhook: { event: { event_type, occurred_at, data: incident } }.
 * https://developer.pagerduty.com/docs/webhooks/v3-overview/
 * Acknowledgement changes nothing on a status page; other event types are ignored, not refused.
 */
export const pagerDutyPayloadSchema = z.object({
  event: z.object({
    id: safeString().optional(),
    event_type: safeString().min(1),
    resource_type: safeString().optional(),
    occurred_at: toolTime,
    data: z.object({
      id: safeString().min(1).max(200),
      title: safeString().max(1000).optional(),
      status: safeString().optional(),
      urgency: safeString().optional(),
      priority: z.object({ summary: safeString().optional() }).nullish(),
      service: z.object({ summary: safeString().max(200).optional() }).nullish(),
      created_at: toolTime,
    }),
  }),
});

export const PAGERDUTY_EXPECTED =
  "a PagerDuty V3 webhook: { event: { event_type: incident.triggered|incident.acknowledged|incident.resolved, data: { id, title, service: { summary } } } }";

const STATUS_BY_EVENT: Record<string, "firing" | "resolved"> = {
  "incident.triggered": "firing",
  "incident.reopened": "firing",
  "incident.resolved": "resolved",
};

export function parsePagerDuty(body: unknown) {
  const parsed = pagerDutyPayloadSchema.safeParse(body);
  if (!parsed.success) return { error: parsed.error } as const;
  const { event } = parsed.data;
  const status = STATUS_BY_EVENT[event.event_type];
  if (!status) return ignoredPayload(event.event_type);
  const incident = event.data;
  const labels: Record<string, string> = {};
  if (incident.service?.summary) labels.service = incident.service.summary;
  // High-urgency PagerDuty incidents are the "critical" ones; low urgency reads as a warning.
  const severity = incident.urgency === "high" ? "critical" : incident.urgency ? "warning" : null;
  if (severity) labels.severity = severity;
  if (incident.priority?.summary) labels.priority = incident.priority.summary;
  const result: ParsedPayload = {
    groupKey: incident.id,
    alerts: [
      {
        key: incident.id,
        status,
        labels,
        title: clip(incident.title ?? "PagerDuty incident", 200)!,
        summary: clip(incident.title, 2000),
        severity,
        startedAt: incident.created_at ?? event.occurred_at,
      },
    ],
  };
  return { payload: result } as const;
}
