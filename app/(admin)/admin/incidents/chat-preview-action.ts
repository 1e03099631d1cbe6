"use server";
import { requestCtx } from "@/app/_lib/request-context";
import { baseUrl } from "@/lib/config";
import { actionError, type ActionState } from "@/lib/action-state";
import { previewChatUpdate, type ChannelPreview } from "@/lib/notifications/preview-chat-update";

export type ChatPreviewState = ActionState & { previews?: ChannelPreview[] };

/** The composer's "Preview in chat" button: the draft as each configured chat channel will show it. */
export async function previewChatAction(form: FormData): Promise<ChatPreviewState> {
  try {
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : undefined;
    };
    const previews = await previewChatUpdate({
      ctx: await requestCtx(),
      baseUrl: baseUrl(),
      input: {
        incidentId: text("incidentId"),
        state: text("state"),
        body: text("body") ?? "",
        internalNote: text("internalNote"),
        businessImpact: text("businessImpact"),
        eta: text("eta"),
      },
    });
    return { ok: true, previews };
  } catch (error) {
    return actionError(error);
  }
}
