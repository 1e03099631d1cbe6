import type { MaintenanceState, MaintenanceUpdate } from "../db/schema";
import type { PublicMaintenance } from "../public/hydrate-maintenances";
import { wireComponentsOf, type WireContext } from "./wire-context";
import type { WireMaintenance } from "./wire-schema";

type WireMaintenanceStatus = WireMaintenance["status"];

/**
 * Statuspage has no "cancelled" maintenance: a cancelled window simply stops
 * being listed. Herald does the same (see isListedMaintenance) rather than
 * calling it "completed", which would tell clients the work happened.
 */
export function isListedMaintenance(
  m: PublicMaintenance,
): m is PublicMaintenance & { state: WireMaintenanceStatus } {
  return m.state !== "cancelled";
}

/** A maintenance window in Statuspage's shape: incident fields plus the window, impact "maintenance". */
export function serializeMaintenance(
  m: PublicMaintenance & { state: WireMaintenanceStatus },
  ctx: WireContext,
): WireMaintenance {
  return {
    id: m.id,
    name: m.title,
    status: m.state,
    created_at: m.createdAt.toISOString(),
    updated_at: m.updatedAt.toISOString(),
    monitoring_at: null,
    resolved_at: m.completedAt?.toISOString() ?? null,
    impact: "maintenance",
    shortlink: `${ctx.baseUrl}/maintenance/${m.id}`,
    // Before work starts, Statuspage reports the planned start.
    started_at: (m.startedAt ?? m.scheduledFor).toISOString(),
    page_id: ctx.page.id,
    incident_updates: m.updates.map((update) => serializeMaintenanceUpdate(update)),
    components: wireComponentsOf(
      ctx,
      m.components.map((c) => c.componentId),
    ),
    scheduled_for: m.scheduledFor.toISOString(),
    scheduled_until: m.scheduledUntil.toISOString(),
  };
}

/** An update saying "cancelled" can only belong to a cancelled window, which is never listed. */
const UPDATE_STATUS: Record<MaintenanceState, WireMaintenanceStatus> = {
  scheduled: "scheduled",
  in_progress: "in_progress",
  verifying: "verifying",
  completed: "completed",
  cancelled: "completed",
};

function serializeMaintenanceUpdate(
  update: MaintenanceUpdate,
): WireMaintenance["incident_updates"][number] {
  return {
    id: update.id,
    status: UPDATE_STATUS[update.state],
    body: update.body,
    incident_id: update.maintenanceId,
    created_at: update.createdAt.toISOString(),
    updated_at: update.updatedAt.toISOString(),
    display_at: update.displayAt.toISOString(),
    // Herald records which components a window covers, not per-update changes.
    affected_components: null,
    deliver_notifications: update.notify,
    custom_tweet: null,
    tweet_id: null,
  };
}
