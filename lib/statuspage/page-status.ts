import { overallStatus } from "../public/overall-status";
import type { StatusSnapshot } from "../public/status-snapshot";
import type { WireStatus } from "./wire-schema";

/** The page-wide indicator and Statuspage's wording for it, as every public surface reports it. */
export function snapshotStatus(snapshot: StatusSnapshot): WireStatus {
  return overallStatus({
    componentStatuses: snapshot.components.map((c) => c.status),
    openIncidentImpacts: snapshot.openIncidents.map((i) => i.impact),
    maintenanceInProgress: snapshot.activeMaintenances.length > 0,
  });
}
