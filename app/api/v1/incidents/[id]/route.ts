import { getIncident } from "@/lib/incidents/get-incident";
import { apiRoute, json } from "../../_lib/api-route";

/** One incident with every update (internal fields included), its affected components and latestUpdateId. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) =>
  json(await getIncident({ ctx, input: { incidentId: params.id } })),
);
