import { z } from "zod";
import { safeString } from "../../validation/safe-string";
import { clip, ignoredPayload, toolTime, type ParsedPayload } from "../normalized-alert";

/**
 * Datadog webhooks send whatever payload template you give them; Herald
 * documents this one (variables from https://docs.datadoghq.com/integrations/webhooks/):
 * { "id": "$ALERT_ID", "aggregate": "$AGGREG_KEY", "transition": "$ALERT_TRANSITION",
 *   "title": "$EVENT_TITLE", "body": "$EVENT_MSG", "alert_type": "$ALERT_TYPE",
 *   "priority": "$ALERT_PRIORITY", "tags": "$TAGS", "date": "$DATE" }
 */
export const DATADOG_TEMPLATE = {
  id: "$ALERT_ID",
  aggregate: "$AGGREG_KEY",
  transition: "$ALERT_TRANSITION",
  title: "$EVENT_TITLE",
  body: "$EVENT_MSG",
  alert_type: "$ALERT_TYPE",
  priority: "$ALERT_PRIORITY",
  tags: "$TAGS",
  date: "$DATE",
};

export const datadogPayloadSchema = z.object({
  id: safeString().min(1).max(200),
  aggregate: safeString().max(200).optional(),
  transition: safeString().min(1),
  title: safeString().max(1000),
  body: safeString().max(20000).optional(),
  alert_type: safeString().optional(),
  priority: safeString().optional(),
  tags: safeString().max(5000).optional(),
  date: z.union([safeString(), z.number()]).optional(),
});

export const DATADOG_EXPECTED = `Herald's Datadog template: ${JSON.stringify(DATADOG_TEMPLATE)}`;

const FIRING = new Set(["Triggered", "Re-Triggered", "Warn", "Re-Warn", "No Data", "Renotify"]);
const RESOLVED = new Set(["Recovered", "Warn Recovered"]);

/** "$TAGS" is "component:api,env:prod": tags with a value become labels. */
function tagLabels(tags: string | undefined) {
  const labels: Record<string, string> = {};
  for (const tag of (tags ?? "").split(",")) {
    const [name, ...rest] = tag.trim().split(":");
    if (name && rest.length) labels[name] = rest.join(":");
  }
  return labels;
}

export function parseDatadog(body: unknown) {
  const parsed = datadogPayloadSchema.safeParse(body);
  if (!parsed.success) return { error: parsed.error } as const;
  const alert = parsed.data;
  const status = FIRING.has(alert.transition)
    ? "firing"
    : RESOLVED.has(alert.transition)
      ? "resolved"
      : null;
  if (!status) return ignoredPayload(alert.transition);
  const labels = tagLabels(alert.tags);
  const severity =
    labels.severity ??
    (alert.alert_type === "error" ? "critical" : alert.alert_type === "warning" ? "warning" : null);
  if (severity) labels.severity = severity;
  const date =
    typeof alert.date === "number" || /^\d+$/.test(alert.date ?? "")
      ? new Date(Number(alert.date)).toISOString()
      : alert.date;
  const key = alert.aggregate || alert.id;
  const result: ParsedPayload = {
    groupKey: key,
    alerts: [
      {
        key,
        status,
        labels,
        title: clip(alert.title.replace(/^\[(Triggered|Recovered|Warn)[^\]]*\]\s*/, ""), 200)!,
        summary: clip(alert.body, 2000),
        severity,
        startedAt: toolTime.parse(date),
      },
    ],
  };
  return { payload: result } as const;
}
