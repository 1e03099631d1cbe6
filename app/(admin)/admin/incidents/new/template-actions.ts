"use server";
import { revalidatePath } from "next/cache";
import { requestCtx } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import { deleteIncidentTemplate, saveIncidentTemplate } from "@/lib/incidents/templates";
import { readFields } from "../../_lib/form-input";

/** Thin callers: role and input checks happen in lib/incidents/templates.ts. */

export async function saveTemplateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const input = {
      ...readFields(form, ["id", "name", "title", "severity", "body"]),
      componentIds: form.getAll("componentIds").map(String),
    };
    await saveIncidentTemplate({ ctx: await requestCtx(), input });
  } catch (error) {
    return actionError(error, form);
  }
  revalidatePath("/admin/incidents/new");
  return { ok: true, message: "Template saved." };
}

export async function deleteTemplateAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  try {
    await deleteIncidentTemplate({ ctx: await requestCtx(), input: readFields(form, ["id"]) });
  } catch (error) {
    return actionError(error, form);
  }
  revalidatePath("/admin/incidents/new");
  return { ok: true, message: "Template deleted." };
}
