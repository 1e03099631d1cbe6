import { eq, sql } from "drizzle-orm";
import type { Actor } from "../context";
import { actorUserId } from "../context";
import type { Db } from "../db/client";
import {
  incidentComponents,
  incidents,
  incidentUpdateComponents,
  incidentUpdates,
  type ComponentStatus,
  type Incident,
  type IncidentState,
} from "../db/schema";
import { INCIDENT_STATES } from "../db/schema/enums";
import {
  changeComponentStatuses,
  type StatusChangeRequest,
} from "../components/change-component-status";
import { worstStatus } from "../components/status";
import { enqueueIncidentUpdateNotifications } from "../notifications/enqueue-incident-update";
import { recordAudit } from "../audit/record-audit";
import { nextUpdatePromise } from "./next-update-promise";

export type UpdateDraft = {
  state: IncidentState;
  body: string;
  internalNote: string | null;
  businessImpact: string | null;
  eta: string | null;
  notify: boolean;
  displayAt: Date;
  components: readonly StatusChangeRequest[];
  reopened?: boolean;
  /** When component changes took effect, if not at displayAt (a declared incident's backfilled start). */
  changesAt?: Date;
  rcaDueOn?: string | null;
  /** An explicit promise (see nextUpdatePromise); the cadence decides otherwise. */
  nextUpdateBy?: Date;
  nextUpdateReason?: string | null;
};

const rank = (state: IncidentState) => INCIDENT_STATES.indexOf(state);

/**
 * Writes one update inside the caller's transaction: component changes (with
 * status events), the update and its component rows, the affected-components
 * list, the incident's state and milestone times, and the notification outbox. Resolving restores every
 * affected component to operational. Callers check permissions and staleness.
 */
export async function writeIncidentUpdate(
  tx: Db,
  actor: Actor,
  incident: Incident,
  draft: UpdateDraft,
) {
  const resolving = draft.state === "resolved";
  const affected = await tx
    .select()
    .from(incidentComponents)
    .where(eq(incidentComponents.incidentId, incident.id));
  const requests: readonly StatusChangeRequest[] = resolving
    ? affected.map((a) => ({ componentId: a.componentId, status: "operational" as const }))
    : draft.components;
  const changes = await changeComponentStatuses(tx, actor, requests, {
    cause: "incident",
    incidentId: incident.id,
    at: draft.changesAt ?? draft.displayAt,
  });
  await recordAffected(tx, incident.id, affected, requests);

  const promise = nextUpdatePromise({
    cadenceMinutes: incident.cadenceMinutes,
    displayAt: draft.displayAt,
    resolving,
    requested: draft.nextUpdateBy,
    reason: draft.nextUpdateReason,
  });
  const [update] = await tx
    .insert(incidentUpdates)
    .values({
      incidentId: incident.id,
      state: draft.state,
      body: draft.body,
      internalNote: draft.internalNote,
      businessImpact: draft.businessImpact,
      eta: draft.eta,
      notify: draft.notify,
      displayAt: draft.displayAt,
      ...promise,
      reopened: draft.reopened ?? false,
      authorId: actorUserId(actor),
    })
    .returning();
  if (changes.length > 0) {
    await tx.insert(incidentUpdateComponents).values(
      changes.map((c) => ({
        updateId: update!.id,
        componentId: c.componentId,
        oldStatus: c.oldStatus,
        newStatus: c.newStatus,
      })),
    );
  }
  // Same transaction: the outbox rows exist exactly when the update does (SPEC §5).
  await enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update!.id });

  // Milestones record when a state was first reached; a reopen clears the resolution.
  const reached = (state: IncidentState, current: Date | null) =>
    current ?? (rank(draft.state) >= rank(state) ? draft.displayAt : null);
  const [after] = await tx
    .update(incidents)
    .set({
      state: draft.state,
      identifiedAt: reached("identified", incident.identifiedAt),
      monitoringAt: reached("monitoring", incident.monitoringAt),
      resolvedAt: draft.reopened ? null : reached("resolved", incident.resolvedAt),
      ...(draft.rcaDueOn !== undefined ? { rcaDueOn: draft.rcaDueOn } : {}),
    })
    .where(eq(incidents.id, incident.id))
    .returning();
  return { incident: after!, update: update!, changes };
}

/**
 * Every component an update names is affected (even one whose status did not
 * change), kept with the worst status it reached during the incident.
 */
async function recordAffected(
  tx: Db,
  incidentId: string,
  affected: { componentId: string; status: ComponentStatus }[],
  requests: readonly StatusChangeRequest[],
) {
  for (const request of requests) {
    const known = affected.find((a) => a.componentId === request.componentId);
    const status = worstStatus([request.status, ...(known ? [known.status] : [])]);
    await tx
      .insert(incidentComponents)
      .values({ incidentId, componentId: request.componentId, status })
      .onConflictDoUpdate({
        target: [incidentComponents.incidentId, incidentComponents.componentId],
        set: { status: sql`excluded.status` },
      });
  }
}

/** The audit entry of every incident write: the incident before (none when declared), and all the update wrote. */
export function auditIncidentWrite(
  tx: Db,
  actor: Actor,
  action: string,
  written: Awaited<ReturnType<typeof writeIncidentUpdate>>,
  before: Incident | null = null,
) {
  return recordAudit(tx, actor, {
    action,
    targetType: "incident",
    targetId: written.incident.id,
    before,
    after: {
      incident: written.incident,
      update: written.update,
      componentChanges: written.changes,
    },
  });
}
