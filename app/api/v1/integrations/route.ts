import { createIntegration } from "@/lib/inbound/create-integration";
import { listIntegrations } from "@/lib/inbound/list-integrations";
import { apiRoute, json, jsonBody } from "../_lib/api-route";

/** Every integration with its inbound URL (tokens are shown once, at creation). */
export const GET = apiRoute(async ({ ctx }) => json(await listIntegrations({ ctx })));

/** Creates an integration: { type, name, hold_down_seconds?, rules? }; the answer holds its url and token. */
export const POST = apiRoute(async ({ ctx, request }) =>
  json(await createIntegration({ ctx, input: await jsonBody(request) }), 201),
);
