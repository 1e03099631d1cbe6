import type { Integration } from "../db/schema";

/** What the console and the API show of an integration: never the token hash or the signing secret. */
export function integrationSummary(row: Integration, baseUrl: string) {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    url: inboundUrl(baseUrl, row.id),
    hold_down_seconds: row.holdDownSeconds,
    rules: row.rules,
    heartbeat_interval_seconds: row.heartbeatIntervalSeconds,
    signature_verified: row.signingSecret !== null,
    last_ping_at: row.lastPingAt,
    created_at: row.createdAt,
  };
}
export type IntegrationSummary = ReturnType<typeof integrationSummary>;

export function inboundUrl(baseUrl: string, integrationId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/api/inbound/${integrationId}`;
}
