import { asc, desc, eq, gte, inArray, ne, or } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  componentGroups,
  components,
  incidents,
  maintenances,
  type Component,
  type ComponentGroup,
  type PageSettings,
} from "../db/schema";
import { getPageSettings } from "../settings/get-page-settings";
import { listComponentTree, type ComponentTree } from "../components/list-component-tree";
import { hydrateIncidents, type PublicIncident } from "./hydrate-incidents";
import { hydrateMaintenances, type PublicMaintenance } from "./hydrate-maintenances";
import { publicCached } from "./public-cache";
import { databaseLive } from "../db/liveness";
import { loadPublicUpstreams, type PublicUpstream } from "./public-upstreams";

/** How many recent incidents the snapshot carries (the Statuspage API's incidents.json shows 50). */
export const RECENT_INCIDENT_LIMIT = 50;

export type StatusSnapshot = {
  settings: PageSettings;
  /** Public tree: hidden components and healthy only-show-if-degraded ones removed. */
  tree: ComponentTree;
  /** Every visible component (for the API, which lists only_show_if_degraded ones too). */
  components: Component[];
  /** Every group in display order (the API lists a group even when the public tree hides all its members). */
  groups: ComponentGroup[];
  openIncidents: PublicIncident[];
  /** Most recent incidents, open or not, newest first. */
  recentIncidents: PublicIncident[];
  activeMaintenances: PublicMaintenance[];
  upcomingMaintenances: PublicMaintenance[];
  /** Scheduled, active and recent (last 50) maintenance, newest window first. */
  recentMaintenances: PublicMaintenance[];
  /** Third-party components picked from upstream status pages, a group per upstream. */
  upstreams: PublicUpstream[];
  generatedAt: Date;
};

/** Everything the public surfaces show, read in one go. Cached: see loadStatusSnapshot. */
export async function buildStatusSnapshot(db: Db, now = new Date()): Promise<StatusSnapshot> {
  const [settings, tree, componentRows, groupRows, incidentRows, maintenanceRows, upstreams] =
    await Promise.all([
      getPageSettings(db),
      listComponentTree(db, { publicOnly: true }),
      db.select().from(components).where(eq(components.visible, true)).orderBy(components.position),
      db
        .select()
        .from(componentGroups)
        .orderBy(asc(componentGroups.position), asc(componentGroups.name)),
      db.select().from(incidents).orderBy(desc(incidents.startedAt)).limit(RECENT_INCIDENT_LIMIT),
      db
        .select()
        .from(maintenances)
        .where(
          or(
            inArray(maintenances.state, ["scheduled", "in_progress", "verifying"]),
            gte(maintenances.scheduledUntil, new Date(now.getTime() - 90 * 86_400_000)),
          ),
        )
        .orderBy(desc(maintenances.scheduledFor))
        .limit(RECENT_INCIDENT_LIMIT),
      loadPublicUpstreams(db),
    ]);
  // Open incidents older than the recent window still belong on the page.
  const recentIds = new Set(incidentRows.map((i) => i.id));
  const olderOpen = await db.select().from(incidents).where(ne(incidents.state, "resolved"));
  const allIncidents = [...incidentRows, ...olderOpen.filter((i) => !recentIds.has(i.id))];
  const [hydrated, hydratedMaintenances] = await Promise.all([
    hydrateIncidents(db, allIncidents),
    hydrateMaintenances(db, maintenanceRows),
  ]);
  const byStartDesc = (a: PublicIncident, b: PublicIncident) =>
    b.startedAt.getTime() - a.startedAt.getTime();
  const active = hydratedMaintenances.filter(
    (m) => m.state === "in_progress" || m.state === "verifying",
  );
  return {
    settings,
    tree,
    components: componentRows,
    groups: groupRows,
    openIncidents: hydrated.filter((i) => i.state !== "resolved").sort(byStartDesc),
    recentIncidents: hydrated.slice(0, RECENT_INCIDENT_LIMIT).sort(byStartDesc),
    activeMaintenances: active,
    upcomingMaintenances: hydratedMaintenances
      .filter((m) => m.state === "scheduled")
      .sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime()),
    recentMaintenances: hydratedMaintenances,
    upstreams,
    generatedAt: now,
  };
}

/**
 * The cached snapshot; `stale` is true when the database cannot be reached
 * (a failed reload, or a failed liveness probe) and the last good copy is shown.
 */
export async function loadStatusSnapshot(db: () => Promise<Db>) {
  const cached = await publicCached("status-snapshot", async () => buildStatusSnapshot(await db()));
  return { ...cached, stale: cached.stale || !(await databaseLive(db)) };
}
