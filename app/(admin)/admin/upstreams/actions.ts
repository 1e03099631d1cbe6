"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestCtx } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import { createUpstream } from "@/lib/upstreams/create-upstream";
import { deleteUpstream } from "@/lib/upstreams/delete-upstream";
import { refreshUpstream } from "@/lib/upstreams/refresh-upstream";
import { updateUpstream } from "@/lib/upstreams/update-upstream";
import { readFields } from "../_lib/form-input";

/** Thin callers of lib/upstreams: roles and validation are checked there. */

export async function createUpstreamAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  let id: string;
  try {
    const fields = readFields(form, ["url", "label"]);
    const created = await createUpstream({
      ctx: await requestCtx(),
      input: { url: fields.url, label: fields.label || undefined },
    });
    id = created.id;
  } catch (error) {
    return actionError(error, form);
  }
  revalidatePath("/admin/upstreams");
  // Its page shows the first read (components to pick, or why it failed).
  redirect(`/admin/upstreams/${id}`);
}

/** Every listed upstream component's "show" box and dependency list, sent whole. */
export async function updateUpstreamAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  try {
    const { upstreamId, label } = readFields(form, ["upstreamId", "label"]);
    const listed = form.getAll("listed").map(String);
    await updateUpstream({
      ctx: await requestCtx(),
      input: {
        upstreamId,
        label,
        shown: form.getAll("shown").map(String),
        dependencies: Object.fromEntries(
          listed.map((id) => [id, form.getAll(`depends:${id}`).map(String)]),
        ),
      },
    });
    revalidatePath(`/admin/upstreams/${upstreamId}`);
    return { ok: true, message: "Saved." };
  } catch (error) {
    return actionError(error, form);
  }
}

export async function pollUpstreamAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const { upstreamId } = readFields(form, ["upstreamId"]);
    const outcome = await refreshUpstream({ ctx: await requestCtx(), input: { upstreamId } });
    revalidatePath(`/admin/upstreams/${upstreamId}`);
    if (!outcome) return { ok: true, message: "A worker is reading it right now." };
    return outcome.ok
      ? { ok: true, message: `Read: ${outcome.lines.join("; ")}.` }
      : { ok: false, message: `Could not read it: ${outcome.error}` };
  } catch (error) {
    return actionError(error, form);
  }
}

export async function deleteUpstreamAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  try {
    await deleteUpstream({ ctx: await requestCtx(), input: readFields(form, ["upstreamId"]) });
  } catch (error) {
    return actionError(error, form);
  }
  revalidatePath("/admin/upstreams");
  redirect("/admin/upstreams");
}
