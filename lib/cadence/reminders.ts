import {
  cadenceStateAt,
  nextUpdateDue,
  latestUpdate,
  type CadenceIncident,
  type CadenceUpdate,
} from "./cadence-state";

const MINUTE = 60_000;

/**
 * Reminder stages, in order: T−5 min and overdue go to the incident's comms lead;
 * once a further full cadence has passed without an update, every editor is told.
 */
export type ReminderStage = "due_soon" | "overdue" | "escalated";

export type ReminderMember = { id: string; email: string; role: "owner" | "editor" | "viewer" };

export type Reminder = {
  stage: ReminderStage;
  dueAt: Date;
  recipients: ReminderMember[];
  /** One reminder per stage per promise: a worker can enqueue with this key and never send twice. */
  idempotencyKey: string;
};

export function reminderStage(
  incident: CadenceIncident,
  dueAt: Date | null,
  now: Date,
): ReminderStage | null {
  const state = cadenceStateAt(dueAt, now);
  if (state.kind === "none" || state.kind === "ok") return null;
  if (state.kind === "due_soon") return "due_soon";
  const escalateAt = state.dueAt.getTime() + (incident.cadenceMinutes ?? 0) * MINUTE;
  return now.getTime() >= escalateAt ? "escalated" : "overdue";
}

/**
 * Who must be reminded about an incident right now, or null if nobody.
 * With no comms lead (the user was removed), the editors are told from the
 * first stage, so a reminder never goes nowhere.
 */
export function reminderFor(input: {
  incident: CadenceIncident & { id: string; commsLeadId: string | null };
  updates: readonly CadenceUpdate[];
  members: readonly ReminderMember[];
  now: Date;
}): Reminder | null {
  const { incident, updates, members, now } = input;
  const dueAt = nextUpdateDue(incident, updates);
  const stage = reminderStage(incident, dueAt, now);
  if (!stage || !dueAt) return null;
  const editors = members.filter((m) => m.role === "editor" || m.role === "owner");
  const lead = editors.filter((m) => m.id === incident.commsLeadId);
  const recipients = stage === "escalated" || lead.length === 0 ? editors : lead;
  const promise = latestUpdate(updates)?.id ?? "none";
  return { stage, dueAt, recipients, idempotencyKey: `cadence:${incident.id}:${promise}:${stage}` };
}
