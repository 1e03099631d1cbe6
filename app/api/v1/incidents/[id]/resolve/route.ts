import { resolveIncident } from "@/lib/incidents/resolve-incident";
import { apiRoute, json, jsonBody } from "../../../_lib/api-route";

/** Resolves with a final update (body, optional rcaDueOn); affected components return to operational. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, request, params }) =>
  json(
    await resolveIncident({ ctx, input: { ...(await jsonBody(request)), incidentId: params.id } }),
  ),
);
