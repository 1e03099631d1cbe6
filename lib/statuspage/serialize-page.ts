import type { StatusSnapshot } from "../public/status-snapshot";
import type { WirePage } from "./wire-schema";

/**
 * `updated_at` is the latest change to anything the page shows, not the time
 * the snapshot was read: a reload with nothing new must produce the same body
 * (and so the same ETag).
 */
export function serializePage(snapshot: StatusSnapshot): WirePage {
  const { settings } = snapshot;
  const changes = [
    settings.updatedAt,
    ...snapshot.components.map((c) => c.updatedAt),
    ...snapshot.groups.map((g) => g.updatedAt),
    ...snapshot.recentIncidents.map((i) => i.updatedAt),
    ...snapshot.openIncidents.map((i) => i.updatedAt),
    ...snapshot.recentMaintenances.map((m) => m.updatedAt),
  ];
  const latest = Math.max(...changes.map((d) => d.getTime()));
  return {
    id: settings.publicId,
    name: settings.name,
    url: settings.url,
    time_zone: settings.timeZone,
    updated_at: new Date(latest).toISOString(),
  };
}
