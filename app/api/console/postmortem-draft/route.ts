import { requestCtx } from "@/app/_lib/request-context";
import { jsonBody } from "@/app/api/v1/_lib/api-route";
import { errorResponse } from "@/lib/errors-http";
import { requireSameOrigin } from "@/lib/http/same-origin";
import { savePostmortemDraft } from "@/lib/postmortems/save-postmortem-draft";

/**
 * The postmortem editor's autosave. A route rather than a server action: the
 * save sent as the author leaves the editor (a console link, the back button)
 * must survive the navigation, which aborts a pending action; a keepalive
 * fetch to this route completes.
 */
export async function PUT(request: Request): Promise<Response> {
  try {
    requireSameOrigin(request);
    const input = await jsonBody(request);
    const saved = await savePostmortemDraft({ ctx: await requestCtx(), input });
    return Response.json(
      { updatedAt: saved.updatedAt.toISOString() },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
