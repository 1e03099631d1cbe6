import { rotateIntegrationToken } from "@/lib/inbound/rotate-integration-token";
import { apiRoute, json } from "../../../_lib/api-route";

/** A new token for the integration (the old one stops working); shown in this answer only. */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params }) =>
  json(await rotateIntegrationToken({ ctx, input: { integrationId: params.id } })),
);
