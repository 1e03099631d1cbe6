import type { ComponentStatus, componentStatusEvents } from "../schema";

type StatusEventRow = typeof componentStatusEvents.$inferInsert;

/** One status change produced by an incident update or a maintenance window. */
export type StatusChange = {
  componentId: string;
  at: Date;
  from: ComponentStatus;
  to: ComponentStatus;
  cause: "incident" | "maintenance";
  incidentId?: string;
  maintenanceId?: string;
};

export type StatusHistory = {
  events: StatusEventRow[];
  /** Each component's status after its last event: what the page shows now. */
  current: Map<string, ComponentStatus>;
};

/**
 * Chains every component's changes into events. Each component starts
 * operational on the day it went live; a change whose `from` does not match
 * the status at that moment means two seeded stories overlap, so it throws
 * rather than write a history the uptime bars would misread.
 */
export function buildStatusHistory(
  liveSince: Map<string, Date>,
  changes: StatusChange[],
): StatusHistory {
  const history: StatusHistory = { events: [], current: new Map() };
  for (const [componentId, since] of liveSince) {
    let status: ComponentStatus = "operational";
    history.events.push({
      componentId,
      fromStatus: null,
      toStatus: status,
      at: since,
      cause: "manual",
      createdAt: since,
    });
    const own = changes
      .filter((c) => c.componentId === componentId)
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const change of own) {
      if (change.at <= since)
        throw new Error(
          `seed: change at ${change.at.toISOString()} precedes ${componentId}'s start`,
        );
      if (change.from !== status) {
        throw new Error(
          `seed: ${componentId} is ${status} at ${change.at.toISOString()}, but a change expects ${change.from}`,
        );
      }
      history.events.push({
        componentId,
        fromStatus: change.from,
        toStatus: change.to,
        at: change.at,
        cause: change.cause,
        incidentId: change.incidentId ?? null,
        maintenanceId: change.maintenanceId ?? null,
        createdAt: change.at,
      });
      status = change.to;
    }
    history.current.set(componentId, status);
  }
  const unknown = changes.find((c) => !liveSince.has(c.componentId));
  if (unknown) throw new Error(`seed: change for unknown component ${unknown.componentId}`);
  return history;
}
