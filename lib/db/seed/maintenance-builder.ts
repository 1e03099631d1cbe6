import type {
  MaintenanceState,
  maintenanceComponents,
  maintenanceUpdates,
  maintenances,
} from "../schema";
import { newId } from "../../ids";
import type { ComponentKey } from "./catalog";
import type { StatusChange } from "./status-history";
import { addMinutes } from "./time";

export type MaintenanceSpec = {
  title: string;
  body: string;
  startsAt: Date;
  durationMinutes: number;
  components: ComponentKey[];
  /** For a window that has run: when work actually started and ended, in minutes after startsAt. */
  ran?: { startedAfter: number; completedAfter: number };
  /** Minutes relative to startsAt (negative for the announcement). */
  updates: { after: number; state: MaintenanceState; body: string }[];
};

export type BuiltMaintenance = {
  maintenance: typeof maintenances.$inferInsert & { id: string };
  components: (typeof maintenanceComponents.$inferInsert)[];
  updates: (typeof maintenanceUpdates.$inferInsert)[];
  changes: StatusChange[];
};

/** Expands a maintenance window; one that has run puts its components under maintenance for its duration. */
export function buildMaintenance(
  spec: MaintenanceSpec,
  ids: Record<ComponentKey, string>,
): BuiltMaintenance {
  const maintenanceId = newId();
  const at = (minutes: number) => addMinutes(spec.startsAt, minutes);
  const startedAt = spec.ran ? at(spec.ran.startedAfter) : null;
  const completedAt = spec.ran ? at(spec.ran.completedAfter) : null;
  const updates = spec.updates.map((update) => ({
    maintenanceId,
    state: update.state,
    body: update.body,
    displayAt: at(update.after),
    createdAt: at(update.after),
    updatedAt: at(update.after),
  }));
  const changes: StatusChange[] = [];
  if (startedAt && completedAt) {
    for (const key of spec.components) {
      const base = { componentId: ids[key], cause: "maintenance", maintenanceId } as const;
      changes.push({ ...base, at: startedAt, from: "operational", to: "under_maintenance" });
      changes.push({ ...base, at: completedAt, from: "under_maintenance", to: "operational" });
    }
  }
  return {
    maintenance: {
      id: maintenanceId,
      title: spec.title,
      body: spec.body,
      state: spec.ran ? "completed" : "scheduled",
      scheduledFor: spec.startsAt,
      scheduledUntil: at(spec.durationMinutes),
      startedAt,
      completedAt,
      createdAt: updates[0]?.displayAt,
      updatedAt: updates[updates.length - 1]?.displayAt,
    },
    components: spec.components.map((key) => ({ maintenanceId, componentId: ids[key] })),
    updates,
    changes,
  };
}
