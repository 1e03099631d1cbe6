import { z } from "zod";
import { safeString } from "../../validation/safe-string";
import { clip, labelRecord, toolTime, type ParsedPayload } from "../normalized-alert";

/**
 * Prometheus Alertmanager webhook v4 (webhook_config), which Grafana's webhook
 * contact point also sends (with orgId, values, title, message… besides).
 * https://prometheus.io/docs/alerting/latest/configuration/#webhook_config
 */
export const alertmanagerPayloadSchema = z.object({
  version: safeString().optional(),
  groupKey: safeString().min(1).max(2000),
  status: z.enum(["firing", "resolved"]),
  alerts: z
    .array(
      z.object({
        status: z.enum(["firing", "resolved"]),
        labels: labelRecord,
        annotations: labelRecord,
        startsAt: toolTime,
        endsAt: toolTime,
        fingerprint: safeString().min(1).max(200).optional(),
      }),
    )
    .min(1)
    .max(500),
});

export const ALERTMANAGER_EXPECTED =
  "an Alertmanager/Grafana webhook: { version, groupKey, status, alerts: [{ status, labels, annotations, startsAt, endsAt, fingerprint }] }";

export function parseAlertmanager(body: unknown) {
  const parsed = alertmanagerPayloadSchema.safeParse(body);
  if (!parsed.success) return { error: parsed.error } as const;
  const { groupKey, alerts } = parsed.data;
  const result: ParsedPayload = {
    groupKey,
    alerts: alerts.map((alert) => ({
      // Older Alertmanagers send no fingerprint: the sorted labels identify the alert then.
      key:
        alert.fingerprint ??
        JSON.stringify(Object.entries(alert.labels).sort(([a], [b]) => a.localeCompare(b))),
      status: alert.status,
      labels: alert.labels,
      title: clip(alert.annotations.summary ?? alert.labels.alertname ?? "Alert", 200)!,
      summary: clip(alert.annotations.description ?? alert.annotations.summary, 2000),
      severity: alert.labels.severity ?? null,
      startedAt: alert.startsAt,
    })),
  };
  return { payload: result } as const;
}
