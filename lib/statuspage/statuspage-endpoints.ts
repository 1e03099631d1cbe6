import type { StatusSnapshot } from "../public/status-snapshot";
import { buildSummary, maintenancesOf, unresolvedIncidents } from "./build-summary";
import { serializeIncident } from "./serialize-incident";
import { buildWireContext, type WireContext } from "./wire-context";
import type { WireBody, WireEndpoint } from "./wire-schema";

type Builders = {
  [E in WireEndpoint]: (snapshot: StatusSnapshot, ctx: WireContext) => WireBody<E>;
};

/** The body of each /api/v2/ endpoint, keyed by its path below /api/v2/. */
export const STATUSPAGE_BUILDERS: Builders = {
  "summary.json": buildSummary,
  "status.json": (_s, ctx) => ({ page: ctx.page, status: ctx.status }),
  "components.json": (_s, ctx) => ({ page: ctx.page, components: ctx.components }),
  "incidents.json": (s, ctx) => ({
    page: ctx.page,
    incidents: s.recentIncidents.map((i) => serializeIncident(i, ctx)),
  }),
  "incidents/unresolved.json": (s, ctx) => ({
    page: ctx.page,
    incidents: unresolvedIncidents(s, ctx),
  }),
  "scheduled-maintenances.json": (s, ctx) => ({
    page: ctx.page,
    scheduled_maintenances: maintenancesOf(s.recentMaintenances, ctx),
  }),
  "scheduled-maintenances/upcoming.json": (s, ctx) => ({
    page: ctx.page,
    scheduled_maintenances: maintenancesOf(s.upcomingMaintenances, ctx),
  }),
  "scheduled-maintenances/active.json": (s, ctx) => ({
    page: ctx.page,
    scheduled_maintenances: maintenancesOf(s.activeMaintenances, ctx),
  }),
};

export function buildStatuspageBody<E extends WireEndpoint>(
  endpoint: E,
  snapshot: StatusSnapshot,
  baseUrl: string,
): WireBody<E> {
  return STATUSPAGE_BUILDERS[endpoint](snapshot, buildWireContext(snapshot, baseUrl));
}

/**
 * The JSON text of an endpoint. Kept per snapshot object: the cached snapshot
 * is replaced on every publish, so an incident-day spike serializes each body
 * once per change instead of once per request.
 */
const rendered = new WeakMap<StatusSnapshot, Map<string, string>>();

export function renderStatuspageEndpoint(
  endpoint: WireEndpoint,
  snapshot: StatusSnapshot,
  baseUrl: string,
): string {
  let bodies = rendered.get(snapshot);
  if (!bodies) rendered.set(snapshot, (bodies = new Map()));
  const key = `${baseUrl} ${endpoint}`;
  let body = bodies.get(key);
  if (body === undefined)
    bodies.set(key, (body = JSON.stringify(buildStatuspageBody(endpoint, snapshot, baseUrl))));
  return body;
}
