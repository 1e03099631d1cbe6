import type { Db } from "../db/client";
import { loadUptime } from "../uptime/load-uptime";
import { overallStatus } from "./overall-status";
import { loadPastIncidents } from "./past-incidents";
import { publicCached } from "./public-cache";
import { loadStatusSnapshot } from "./status-snapshot";

export const UPTIME_DAYS = 90;
/** Today's uptime and "N min ago" drift with time even without a publish. */
const UPTIME_MAX_AGE_MS = 60_000;

/** Everything `/` shows, from cache; `stale` when the database could not be read. */
export async function loadStatusPage(getDb: () => Promise<Db>, now = new Date()) {
  const snapshot = await loadStatusSnapshot(getDb);
  const { settings } = snapshot.value;
  // Both need only the page's settings: read side by side, not one after the other (after a
  // publish on a large page, the uptime window and the past week each take tens of milliseconds).
  const [uptime, past] = await Promise.all([
    publicCached(
      `uptime:${UPTIME_DAYS}:${settings.timeZone}`,
      async () =>
        loadUptime(await getDb(), { timeZone: settings.timeZone, days: UPTIME_DAYS, now }),
      { maxAgeMs: UPTIME_MAX_AGE_MS },
    ),
    loadPastIncidents(getDb, {
      days: settings.pastIncidentDays,
      timeZone: settings.timeZone,
      now,
    }),
  ]);
  const s = snapshot.value;
  const overall = overallStatus({
    componentStatuses: s.components.map((c) => c.status),
    openIncidentImpacts: s.openIncidents.map((i) => i.impact),
    maintenanceInProgress: s.activeMaintenances.length > 0,
  });
  return {
    ...s,
    uptime: uptime.value,
    pastIncidents: past.value,
    overall,
    stale: snapshot.stale || uptime.stale || past.stale,
  };
}
