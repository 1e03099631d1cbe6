"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestCtx } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { publishIncidentUpdate } from "@/lib/incidents/publish-incident-update";
import { resolveIncident } from "@/lib/incidents/resolve-incident";
import { reopenIncident } from "@/lib/incidents/reopen-incident";
import { editIncidentUpdate } from "@/lib/incidents/edit-incident-update";
import { editIncidentDetails } from "@/lib/incidents/edit-incident-details";
import { handOverIncident } from "@/lib/incidents/hand-over-incident";
import { listUpdatesSince } from "@/lib/incidents/list-updates-since";
import { HeraldError } from "@/lib/errors";
import type { IncidentActionState } from "./_components/incident-action-state";
import { readCheckbox, readComponentChanges, readFields } from "../_lib/form-input";

/** Thin callers of the domain: every check (role, input, staleness) happens there. */

const UPDATE_FIELDS = [
  "incidentId",
  "expectedLatestUpdateId",
  "body",
  "internalNote",
  "businessImpact",
  "eta",
] as const;

function updateInput(form: FormData, extra: readonly string[] = []) {
  return {
    ...readFields(form, [...UPDATE_FIELDS, ...extra]),
    notify: readCheckbox(form, "notify"),
    components: readComponentChanges(form),
  };
}

function refresh(incidentId?: string) {
  revalidatePath("/admin", "layout");
  if (incidentId) revalidatePath(`/admin/incidents/${incidentId}`);
  revalidatePath("/", "layout");
}

export async function declareIncidentAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  let id: string;
  try {
    const input = {
      ...updateInput(form, ["title", "severity", "impact", "state", "cadence", "startedAt"]),
    };
    ({
      incident: { id },
    } = await declareIncident({ ctx: await requestCtx(), input }));
  } catch (error) {
    return actionError(error, form);
  }
  refresh(id);
  redirect(`/admin/incidents/${id}`);
}

async function run(
  form: FormData,
  write: () => Promise<unknown>,
  message: string,
): Promise<IncidentActionState> {
  try {
    await write();
  } catch (error) {
    if (error instanceof HeraldError && error.code === "conflict") return staleForm(form, error);
    return actionError(error, form);
  }
  refresh(String(form.get("incidentId") ?? ""));
  return { ok: true, message };
}

/**
 * Another lead published while this form was open: return their updates so the
 * form shows them inline, and refresh the page so the countdown, state and the
 * form's "latest update" are current. Publishing again is then one click.
 */
async function staleForm(form: FormData, error: HeraldError): Promise<IncidentActionState> {
  const incidentId = String(form.get("incidentId") ?? "");
  const afterUpdateId = String(form.get("expectedLatestUpdateId") ?? "");
  const state = actionError(error, form);
  if (!afterUpdateId) return state;
  const { updates } = await listUpdatesSince({
    ctx: await requestCtx(),
    input: { incidentId, afterUpdateId },
  });
  refresh(incidentId);
  return { ...state, meanwhile: updates };
}

export async function publishUpdateAction(
  _prev: IncidentActionState,
  form: FormData,
): Promise<IncidentActionState> {
  const input = updateInput(form, ["state", "displayAt", "nextUpdateBy", "nextUpdateReason"]);
  return run(
    form,
    async () => publishIncidentUpdate({ ctx: await requestCtx(), input }),
    "Update published.",
  );
}

export async function resolveIncidentAction(
  _prev: IncidentActionState,
  form: FormData,
): Promise<IncidentActionState> {
  const input = updateInput(form, ["rcaDueOn"]);
  return run(
    form,
    async () => resolveIncident({ ctx: await requestCtx(), input }),
    "Incident resolved.",
  );
}

export async function reopenIncidentAction(
  _prev: IncidentActionState,
  form: FormData,
): Promise<IncidentActionState> {
  const input = updateInput(form, ["state"]);
  return run(
    form,
    async () => reopenIncident({ ctx: await requestCtx(), input }),
    "Incident reopened.",
  );
}

export async function editUpdateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = readFields(form, ["updateId", "body", "expectedUpdatedAt"]);
  return run(
    form,
    async () => editIncidentUpdate({ ctx: await requestCtx(), input }),
    "Update corrected.",
  );
}

export async function editDetailsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = {
    ...readFields(form, ["incidentId", "title", "severity", "impact", "cadence"]),
    components: readComponentChanges(form, { keepBlank: true }),
  };
  return run(
    form,
    async () => editIncidentDetails({ ctx: await requestCtx(), input }),
    "Incident details saved.",
  );
}

export async function handOverAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = readFields(form, ["incidentId", "commsLeadId"]);
  return run(
    form,
    async () => handOverIncident({ ctx: await requestCtx(), input }),
    "Comms lead handed over.",
  );
}
