import { z } from "zod";
import { safeString } from "../../validation/safe-string";
import { clip, labelRecord, toolTime, type ParsedPayload } from "../normalized-alert";

/** Herald's own shape, for scripts and tools without a parser (documented on the integration page). */
export const genericAlertSchema = z.object({
  id: safeString().trim().min(1).max(200),
  status: z.enum(["firing", "resolved"]),
  title: safeString().trim().min(1).max(200),
  description: safeString().max(5000).optional(),
  component: safeString().max(200).optional(),
  severity: safeString().max(50).optional(),
  started_at: toolTime,
  labels: labelRecord,
  group: safeString().max(200).optional(),
});

export const GENERIC_EXPECTED =
  'Herald\'s generic JSON: { "id", "status": "firing"|"resolved", "title", "description"?, "component"?, "severity"?, "started_at"?, "labels"?, "group"? }';

export function parseGeneric(body: unknown) {
  const parsed = genericAlertSchema.safeParse(body);
  if (!parsed.success) return { error: parsed.error } as const;
  const alert = parsed.data;
  const labels = { ...alert.labels };
  if (alert.component) labels.component = alert.component;
  if (alert.severity) labels.severity = alert.severity;
  const result: ParsedPayload = {
    groupKey: alert.group ?? null,
    alerts: [
      {
        key: alert.id,
        status: alert.status,
        labels,
        title: alert.title,
        summary: clip(alert.description, 2000),
        severity: alert.severity ?? null,
        startedAt: alert.started_at,
      },
    ],
  };
  return { payload: result } as const;
}
