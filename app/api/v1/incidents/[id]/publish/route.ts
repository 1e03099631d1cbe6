import { publishDraft } from "@/lib/inbound/drafts/publish-draft";
import { apiRoute, json, jsonBody } from "../../../_lib/api-route";

/** Publishes a draft as an incident; an optional JSON body overrides any declare field (title, body, components…). */
export const POST = apiRoute<{ id: string }>(async ({ ctx, request, params }) => {
  const edits =
    request.headers.get("content-length") === "0" || !request.body ? {} : await jsonBody(request);
  return json(await publishDraft({ ctx, input: { ...edits, draftId: params.id } }), 201);
});
