"use server";
import { revalidatePath } from "next/cache";
import { requestCtx } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import type { Ctx } from "@/lib/context";
import { setComponentStatus } from "@/lib/components/set-component-status";
import { createComponent, updateComponent } from "@/lib/components/save-component";
import { createComponentGroup, updateComponentGroup } from "@/lib/components/save-component-group";
import { moveComponent } from "@/lib/components/move-component";
import { readCheckbox, readFields } from "../_lib/form-input";

/** Thin callers of the components domain, which checks role and input itself. */
async function run(form: FormData, write: (ctx: Ctx) => Promise<unknown>, message: string): Promise<ActionState> {
  try {
    await write(await requestCtx());
  } catch (error) {
    return actionError(error, form);
  }
  revalidatePath("/admin", "layout");
  revalidatePath("/", "layout");
  return { ok: true, message };
}

const componentInput = (form: FormData) => ({
  ...readFields(form, ["id", "name", "description", "groupId", "startDate", "expectedUpdatedAt"]),
  onlyShowIfDegraded: readCheckbox(form, "onlyShowIfDegraded"),
  visible: readCheckbox(form, "visible"),
});
const groupInput = (form: FormData) => readFields(form, ["id", "name", "description", "expectedUpdatedAt"]);

export async function setStatusAction(_prev: ActionState, form: FormData) {
  return run(form, (ctx) => setComponentStatus({ ctx, input: readFields(form, ["componentId", "status"]) }), "Status set.");
}
export async function createComponentAction(_prev: ActionState, form: FormData) {
  return run(form, (ctx) => createComponent({ ctx, input: componentInput(form) }), "Component added.");
}
export async function updateComponentAction(_prev: ActionState, form: FormData) {
  return run(form, (ctx) => updateComponent({ ctx, input: componentInput(form) }), "Component saved.");
}
export async function createGroupAction(_prev: ActionState, form: FormData) {
  return run(form, (ctx) => createComponentGroup({ ctx, input: groupInput(form) }), "Group added.");
}
export async function updateGroupAction(_prev: ActionState, form: FormData) {
  return run(form, (ctx) => updateComponentGroup({ ctx, input: groupInput(form) }), "Group saved.");
}
export async function moveAction(_prev: ActionState, form: FormData) {
  return run(form, (ctx) => moveComponent({ ctx, input: readFields(form, ["kind", "id", "direction"]) }), "Moved.");
}
