import { publishIncidentUpdate } from "@/lib/incidents/publish-incident-update";
import { apiRoute, json, jsonBody } from "../../../_lib/api-route";

/**
 * Publishes an update (state, body, components…). Send expectedLatestUpdateId
 * to get a 409 instead of talking over an update someone else just published.
 */
export const POST = apiRoute<{ id: string }>(async ({ ctx, request, params }) =>
  json(
    await publishIncidentUpdate({
      ctx,
      input: { ...(await jsonBody(request)), incidentId: params.id },
    }),
    201,
  ),
);
