"use server";
import { requestCtx } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import { publishPostmortem } from "@/lib/postmortems/publish-postmortem";
import { saveActionItems } from "@/lib/postmortems/save-action-items";
import { startPostmortem } from "@/lib/postmortems/start-postmortem";
import { revalidatePath } from "next/cache";

export async function startAction(incidentId: string): Promise<ActionState> {
  try {
    await startPostmortem({ ctx: await requestCtx(), incidentId });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/admin/postmortems/${incidentId}`);
  return { ok: true };
}

export async function publishAction(incidentId: string): Promise<ActionState> {
  try {
    const published = await publishPostmortem({ ctx: await requestCtx(), incidentId });
    revalidatePath(`/admin/postmortems/${incidentId}`);
    return {
      ok: true,
      message:
        published.publishedRevision === 1
          ? "Published. Customers can read it now."
          : `Revision ${published.publishedRevision} published.`,
    };
  } catch (error) {
    return actionError(error);
  }
}

export async function saveActionItemsAction(input: unknown): Promise<ActionState> {
  try {
    await saveActionItems({ ctx: await requestCtx(), input });
    return { ok: true, message: "Action items saved." };
  } catch (error) {
    return actionError(error);
  }
}
