"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestCtx } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import { dismissDraft, publishDraft } from "@/lib/inbound/drafts/publish-draft";
import { readComponentChanges, readFields } from "./_lib/form-input";

/** Publishes a draft with the comms lead's edits; the cadence starts now. */
export async function publishDraftAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let incidentId: string;
  try {
    const written = await publishDraft({
      ctx: await requestCtx(),
      input: {
        ...readFields(form, ["draftId", "title", "severity", "body"]),
        components: readComponentChanges(form),
      },
    });
    incidentId = written.incident.id;
  } catch (error) {
    return actionError(error, form);
  }
  revalidatePath("/admin", "layout");
  revalidatePath("/", "layout");
  redirect(`/admin/incidents/${incidentId}`);
}

export async function dismissDraftAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await dismissDraft({ ctx: await requestCtx(), input: readFields(form, ["draftId"]) });
  } catch (error) {
    return actionError(error, form);
  }
  revalidatePath("/admin");
  return { ok: true, message: "Draft discarded." };
}
