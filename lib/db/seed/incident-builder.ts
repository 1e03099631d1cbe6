import {
  COMPONENT_STATUSES,
  INCIDENT_STATES,
  type ComponentStatus,
  type Impact,
  type IncidentState,
  type Severity,
  type incidentComponents,
  type incidentUpdateComponents,
  type incidentUpdates,
  type incidents,
} from "../schema";
import { newId } from "../../ids";
import type { ComponentKey } from "./catalog";
import type { StatusChange } from "./status-history";
import { addMinutes } from "./time";
import { nextUpdateLine, renderUpdateBody, type UpdateText } from "./update-body";

type StatusMap = Partial<Record<ComponentKey, ComponentStatus>>;

export type UpdateSpec = UpdateText & {
  /** Minutes after the incident started. */
  after: number;
  state: IncidentState;
  /** Component status changes made by this update (resolving restores every component). */
  set?: StatusMap;
  internalNote?: string;
  businessImpact?: string;
  eta?: string;
};

export type IncidentSpec = {
  title: string;
  severity: Severity;
  startedAt: Date;
  /** Affected components and the status the first update gives them. */
  affects: StatusMap;
  /** "RCA by <date>" promised at resolution. */
  rcaDueOn?: string;
  updates: UpdateSpec[];
};

export type BuiltIncident = {
  incident: typeof incidents.$inferInsert & { id: string };
  components: (typeof incidentComponents.$inferInsert)[];
  updates: (typeof incidentUpdates.$inferInsert)[];
  updateComponents: (typeof incidentUpdateComponents.$inferInsert)[];
  changes: StatusChange[];
};

const IMPACT_BY_SEVERITY: Record<Severity, Impact> = {
  SEV1: "critical",
  SEV2: "major",
  SEV3: "minor",
  SEV4: "none",
};
/** Mirrors the page's default cadences (page_settings.cadence_sev*). */
const CADENCE_BY_SEVERITY: Record<Severity, number | null> = {
  SEV1: 30,
  SEV2: 60,
  SEV3: 240,
  SEV4: null,
};

const worse = (a: ComponentStatus, b: ComponentStatus) =>
  COMPONENT_STATUSES.indexOf(a) <= COMPONENT_STATUSES.indexOf(b) ? a : b;

const stateRank = (state: IncidentState) => INCIDENT_STATES.indexOf(state);

/** Catches authoring mistakes in seed content: time or state going backwards, stray components. */
function assertTimeline(spec: IncidentSpec) {
  spec.updates.forEach((update, i) => {
    const previous = spec.updates[i - 1];
    const outOfOrder = previous
      ? update.after <= previous.after || stateRank(update.state) < stateRank(previous.state)
      : update.after < 0;
    if (outOfOrder) throw new Error(`seed: "${spec.title}" update ${i} is out of order`);
    const stray = Object.keys(update.set ?? {}).find((key) => !(key in spec.affects));
    if (stray) throw new Error(`seed: "${spec.title}" sets ${stray}, which it does not affect`);
  });
}

/** Expands a compact incident description into its rows and the status changes it causes. */
export function buildIncident(
  spec: IncidentSpec,
  ids: Record<ComponentKey, string>,
): BuiltIncident {
  assertTimeline(spec);
  const incidentId = newId();
  const cadenceMinutes = CADENCE_BY_SEVERITY[spec.severity];
  const affected = Object.keys(spec.affects) as ComponentKey[];
  const current = new Map<ComponentKey, ComponentStatus>(
    affected.map((key) => [key, "operational"]),
  );
  const worst = new Map(current);
  const updates: BuiltIncident["updates"] = [];
  const updateComponents: BuiltIncident["updateComponents"] = [];
  const changes: StatusChange[] = [];

  spec.updates.forEach((update, i) => {
    const updateId = newId();
    const displayAt = addMinutes(spec.startedAt, update.after);
    const final = update.state === "resolved";
    const targets: StatusMap = final
      ? Object.fromEntries(affected.map((key) => [key, "operational"]))
      : { ...(i === 0 ? spec.affects : {}), ...update.set };
    for (const [key, to] of Object.entries(targets) as [ComponentKey, ComponentStatus][]) {
      const from = current.get(key)!;
      if (from === to) continue;
      const componentId = ids[key];
      updateComponents.push({ updateId, componentId, oldStatus: from, newStatus: to });
      changes.push({ componentId, at: displayAt, from, to, cause: "incident", incidentId });
      current.set(key, to);
      worst.set(key, worse(worst.get(key)!, to));
    }
    const next = nextUpdateLine({ final, cadenceMinutes, rcaDueOn: spec.rcaDueOn });
    updates.push({
      id: updateId,
      incidentId,
      state: update.state,
      body: renderUpdateBody(update, next),
      internalNote: update.internalNote ?? null,
      businessImpact: update.businessImpact ?? null,
      eta: update.eta ?? null,
      displayAt,
      nextUpdateBy:
        !final && cadenceMinutes !== null ? addMinutes(displayAt, cadenceMinutes) : null,
      createdAt: displayAt,
      updatedAt: displayAt,
    });
  });

  const reached = (state: IncidentState) =>
    updates.find((u) => u.state === state)?.displayAt ?? null;
  const [first] = updates;
  const last = updates.at(-1);
  if (!first || !last) throw new Error(`seed: "${spec.title}" has no updates`);
  const incident: BuiltIncident["incident"] = {
    id: incidentId,
    title: spec.title,
    severity: spec.severity,
    impact: IMPACT_BY_SEVERITY[spec.severity],
    state: last.state,
    cadenceMinutes,
    startedAt: spec.startedAt,
    identifiedAt: reached("identified"),
    monitoringAt: reached("monitoring"),
    resolvedAt: reached("resolved"),
    rcaDueOn: spec.rcaDueOn ?? null,
    createdAt: first.displayAt,
    updatedAt: last.displayAt,
  };
  const components = affected.map((key) => ({
    incidentId,
    componentId: ids[key],
    status: worst.get(key)!,
  }));
  return { incident, components, updates, updateComponents, changes };
}
