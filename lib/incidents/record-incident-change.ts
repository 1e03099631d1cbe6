import type { Actor } from "../context";
import { actorLabel, actorUserId } from "../context";
import type { Db } from "../db/client";
import {
  incidentChanges,
  type Incident,
  type IncidentChangeKind,
  type IncidentFieldChange,
} from "../db/schema";
import { recordAudit } from "../audit/record-audit";

/** One write path for changes outside updates: the timeline row and its audit entry, together. */
export async function recordIncidentChange(
  tx: Db,
  actor: Actor,
  entry: {
    incident: Incident;
    kind: IncidentChangeKind;
    changes: IncidentFieldChange[];
    audit: { action: string; before: Incident };
  },
) {
  await tx.insert(incidentChanges).values({
    incidentId: entry.incident.id,
    kind: entry.kind,
    changes: entry.changes,
    actorId: actorUserId(actor),
    actorLabel: actorLabel(actor),
  });
  await recordAudit(tx, actor, {
    action: entry.audit.action,
    targetType: "incident",
    targetId: entry.incident.id,
    before: entry.audit.before,
    after: { incident: entry.incident, changes: entry.changes },
  });
}
