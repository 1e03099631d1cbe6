import type { PublicIncident, PublicIncidentUpdate } from "../public/hydrate-incidents";
import { wireComponentsOf, type WireContext } from "./wire-context";
import type { WireAffectedComponent, WireIncident } from "./wire-schema";

/**
 * One incident in Statuspage's shape. A resolved incident whose postmortem is
 * published reports `postmortem`, as Statuspage does, so clients can link to it.
 */
export function serializeIncident(incident: PublicIncident, ctx: WireContext): WireIncident {
  const status =
    incident.state === "resolved" && incident.postmortemPublishedAt ? "postmortem" : incident.state;
  return {
    id: incident.id,
    name: incident.title,
    status,
    created_at: incident.createdAt.toISOString(),
    updated_at: incident.updatedAt.toISOString(),
    monitoring_at: incident.monitoringAt?.toISOString() ?? null,
    resolved_at: incident.resolvedAt?.toISOString() ?? null,
    impact: incident.impact,
    shortlink: `${ctx.baseUrl}/incidents/${incident.id}`,
    started_at: incident.startedAt.toISOString(),
    page_id: ctx.page.id,
    // Already newest first (hydrateIncidents orders them so).
    incident_updates: incident.updates.map((update) => serializeIncidentUpdate(update, ctx)),
    components: wireComponentsOf(
      ctx,
      incident.components.map((c) => c.componentId),
    ),
  };
}

function serializeIncidentUpdate(
  update: PublicIncidentUpdate,
  ctx: WireContext,
): WireIncident["incident_updates"][number] {
  return {
    id: update.id,
    status: update.state,
    body: update.body,
    incident_id: update.incidentId,
    created_at: update.createdAt.toISOString(),
    updated_at: update.updatedAt.toISOString(),
    display_at: update.displayAt.toISOString(),
    affected_components: affectedComponents(update, ctx),
    deliver_notifications: update.notify,
    custom_tweet: null,
    tweet_id: null,
  };
}

/** Statuspage sends null, never an empty list, for an update that changed no component. */
function affectedComponents(
  update: PublicIncidentUpdate,
  ctx: WireContext,
): WireAffectedComponent[] | null {
  const changes = update.componentChanges
    .filter((change) => ctx.componentById.has(change.componentId))
    .map((change) => ({
      code: change.componentId,
      name: change.name,
      old_status: change.oldStatus,
      new_status: change.newStatus,
    }));
  return changes.length > 0 ? changes : null;
}
