import { deleteIntegration } from "@/lib/inbound/delete-integration";
import { getIntegration } from "@/lib/inbound/list-integrations";
import { updateIntegration } from "@/lib/inbound/update-integration";
import { apiRoute, json, jsonBody } from "../../_lib/api-route";

/** One integration with its last received payloads and what Herald did with each. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) =>
  json(await getIntegration({ ctx, input: { integrationId: params.id } })),
);

/** Changes any of { name, hold_down_seconds, rules, heartbeat_interval_seconds }; the rest stays. */
export const PATCH = apiRoute<{ id: string }>(async ({ ctx, request, params }) =>
  json(
    await updateIntegration({
      ctx,
      input: { ...(await jsonBody(request)), integrationId: params.id },
    }),
  ),
);

export const DELETE = apiRoute<{ id: string }>(async ({ ctx, params }) =>
  json(await deleteIntegration({ ctx, input: { integrationId: params.id } })),
);
