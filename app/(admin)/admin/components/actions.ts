"use server";
import { setComponentStatus } from "@/lib/components/set-component-status";
import { createComponent, updateComponent } from "@/lib/components/save-component";
import { createComponentGroup, updateComponentGroup } from "@/lib/components/save-component-group";
import { moveComponent } from "@/lib/components/move-component";
import { readCheckbox, readFields } from "../_lib/form-input";
import { runConsoleWrite } from "../_lib/run-action";
import type { ActionState } from "@/lib/action-state";

const componentInput = (form: FormData) => ({
  ...readFields(form, ["id", "name", "description", "groupId", "startDate", "expectedUpdatedAt"]),
  onlyShowIfDegraded: readCheckbox(form, "onlyShowIfDegraded"),
  visible: readCheckbox(form, "visible"),
});
const groupInput = (form: FormData) =>
  readFields(form, ["id", "name", "description", "expectedUpdatedAt"]);

export async function setStatusAction(_prev: ActionState, form: FormData) {
  return runConsoleWrite(
    form,
    (ctx) => setComponentStatus({ ctx, input: readFields(form, ["componentId", "status"]) }),
    "Status set.",
  );
}
export async function createComponentAction(_prev: ActionState, form: FormData) {
  return runConsoleWrite(
    form,
    (ctx) => createComponent({ ctx, input: componentInput(form) }),
    "Component added.",
  );
}
export async function updateComponentAction(_prev: ActionState, form: FormData) {
  return runConsoleWrite(
    form,
    (ctx) => updateComponent({ ctx, input: componentInput(form) }),
    "Component saved.",
  );
}
export async function createGroupAction(_prev: ActionState, form: FormData) {
  return runConsoleWrite(
    form,
    (ctx) => createComponentGroup({ ctx, input: groupInput(form) }),
    "Group added.",
  );
}
export async function updateGroupAction(_prev: ActionState, form: FormData) {
  return runConsoleWrite(
    form,
    (ctx) => updateComponentGroup({ ctx, input: groupInput(form) }),
    "Group saved.",
  );
}
export async function moveAction(_prev: ActionState, form: FormData) {
  return runConsoleWrite(
    form,
    (ctx) => moveComponent({ ctx, input: readFields(form, ["kind", "id", "direction"]) }),
    "Moved.",
  );
}
