import type { StatusSnapshot } from "../public/status-snapshot";
import { serializeIncident } from "./serialize-incident";
import { isListedMaintenance, serializeMaintenance } from "./serialize-maintenance";
import type { WireContext } from "./wire-context";
import type { WireIncident, WireMaintenance, WireSummary } from "./wire-schema";

/** Open incidents, newest first. */
export function unresolvedIncidents(snapshot: StatusSnapshot, ctx: WireContext): WireIncident[] {
  return snapshot.openIncidents.map((i) => serializeIncident(i, ctx));
}

export function maintenancesOf(
  list: StatusSnapshot["recentMaintenances"],
  ctx: WireContext,
): WireMaintenance[] {
  return list.filter(isListedMaintenance).map((m) => serializeMaintenance(m, ctx));
}

/**
 * summary.json: the page, every component, unresolved incidents, and
 * maintenance that is under way or still to come (as Statuspage's summary).
 */
export function buildSummary(snapshot: StatusSnapshot, ctx: WireContext): WireSummary {
  return {
    page: ctx.page,
    components: ctx.components,
    incidents: unresolvedIncidents(snapshot, ctx),
    scheduled_maintenances: maintenancesOf(
      [...snapshot.activeMaintenances, ...snapshot.upcomingMaintenances],
      ctx,
    ),
    status: ctx.status,
  };
}
