"use server";
import { scheduleMaintenance } from "@/lib/maintenance/schedule-maintenance";
import { extendMaintenance } from "@/lib/maintenance/extend-maintenance";
import { stopRepeatingMaintenance } from "@/lib/maintenance/stop-repeating";
import {
  cancelMaintenance,
  completeMaintenance,
  startMaintenance,
  verifyMaintenance,
} from "@/lib/maintenance/maintenance-transitions";
import { readCheckbox, readFields } from "../_lib/form-input";
import { runConsoleWrite } from "../_lib/run-action";
import type { ActionState } from "@/lib/action-state";

export async function scheduleMaintenanceAction(_prev: ActionState, form: FormData) {
  const input = {
    ...readFields(form, [
      "title",
      "body",
      "scheduledFor",
      "scheduledUntil",
      "repeat",
      "repeatUntil",
    ]),
    components: form.getAll("components").map(String),
    autoStart: readCheckbox(form, "autoStart"),
    autoComplete: readCheckbox(form, "autoComplete"),
    notify: readCheckbox(form, "notify"),
  };
  return runConsoleWrite(
    form,
    (ctx) => scheduleMaintenance({ ctx, input }),
    "Maintenance scheduled.",
  );
}

/** A Map, not an object literal: a posted "constructor" or "__proto__" must not find an inherited member. */
const TRANSITIONS = new Map([
  ["start", startMaintenance],
  ["verify", verifyMaintenance],
  ["complete", completeMaintenance],
  ["cancel", cancelMaintenance],
]);

/** One action for the lifecycle buttons: the pressed button names the step. */
export async function transitionMaintenanceAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  const write = TRANSITIONS.get(String(form.get("step")));
  if (!write) return { ok: false, message: "Unknown step." };
  const input = { maintenanceId: String(form.get("maintenanceId") ?? ""), notify: true };
  return runConsoleWrite(form, (ctx) => write({ ctx, input }), "Maintenance updated.");
}

export async function extendMaintenanceAction(_prev: ActionState, form: FormData) {
  const input = {
    ...readFields(form, ["maintenanceId", "scheduledUntil", "body"]),
    notify: readCheckbox(form, "notify"),
  };
  return runConsoleWrite(form, (ctx) => extendMaintenance({ ctx, input }), "Window extended.");
}

export async function stopRepeatingAction(_prev: ActionState, form: FormData) {
  const input = readFields(form, ["maintenanceId"]);
  return runConsoleWrite(
    form,
    (ctx) => stopRepeatingMaintenance({ ctx, input }),
    "This window no longer repeats.",
  );
}
