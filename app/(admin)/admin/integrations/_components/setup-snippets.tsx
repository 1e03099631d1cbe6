import type { IntegrationType } from "@/lib/db/schema/enums";
import { DATADOG_TEMPLATE } from "@/lib/inbound/parsers/datadog";

/** How to point each tool at Herald; TOKEN stands for the token shown once at creation. */
export function SetupSnippets({
  type,
  url,
  token = "<token>",
}: {
  type: IntegrationType;
  url: string;
  token?: string;
}) {
  const curl =
    type === "heartbeat"
      ? `curl -fsS ${url}/${token}`
      : `curl -X POST ${url} \\\n  -H "Authorization: Bearer ${token}" \\\n  -H "Content-Type: application/json" \\\n  -d '{"id":"test-1","status":"firing","title":"Test alert","component":"<component name>","severity":"warning"}'`;
  const config: Partial<Record<IntegrationType, [string, string]>> = {
    alertmanager: [
      "alertmanager.yml",
      `receivers:\n  - name: herald\n    webhook_configs:\n      - url: ${url}\n        send_resolved: true\n        http_config:\n          authorization:\n            type: Bearer\n            credentials: ${token}`,
    ],
    grafana: [
      "Grafana contact point (Webhook)",
      `URL: ${url}\nAuthorization header scheme: Bearer\nAuthorization header credentials: ${token}`,
    ],
    pagerduty: [
      "PagerDuty generic webhook (v3)",
      `Webhook URL: ${url}/${token}\nEvents: incident.triggered, incident.acknowledged, incident.resolved\nPaste PagerDuty's signing secret into Herald to verify X-PagerDuty-Signature.`,
    ],
    opsgenie: [
      "Opsgenie outgoing webhook",
      `Webhook URL: ${url}/${token}\nAlert actions: Create, Close`,
    ],
    datadog: [
      "Datadog webhook payload",
      `URL: ${url}/${token}\nPayload:\n${JSON.stringify(DATADOG_TEMPLATE, null, 2)}\nTag monitors with component:<component name>.`,
    ],
  };
  const tool = config[type];
  return (
    <div className="flex flex-col gap-3 text-sm">
      {tool && (
        <div>
          <p className="font-medium">{tool[0]}</p>
          <pre className="overflow-x-auto rounded-md bg-zinc-100 p-3 dark:bg-zinc-900">
            {tool[1]}
          </pre>
        </div>
      )}
      <div>
        <p className="font-medium">
          {type === "heartbeat" ? "Ping from cron or a script" : "Try it with curl"}
        </p>
        <pre className="overflow-x-auto rounded-md bg-zinc-100 p-3 dark:bg-zinc-900">{curl}</pre>
      </div>
    </div>
  );
}
