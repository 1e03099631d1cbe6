import { deleteIntegration } from "@/lib/inbound/delete-integration";
import { getIntegration } from "@/lib/inbound/list-integrations";
import { apiRoute, json } from "../../_lib/api-route";

/** One integration with its last received payloads and what Herald did with each. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) =>
  json(await getIntegration({ ctx, input: { integrationId: params.id } })),
);

export const DELETE = apiRoute<{ id: string }>(async ({ ctx, params }) =>
  json(await deleteIntegration({ ctx, input: { integrationId: params.id } })),
);
