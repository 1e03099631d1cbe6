import { declareIncident } from "@/lib/incidents/declare-incident";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { apiRoute, json, jsonBody } from "../_lib/api-route";

/** Open incidents (with their cadence data) and the latest resolved ones. */
export const GET = apiRoute(async ({ ctx }) => json(await listIncidents({ ctx })));

/** Declares an incident; the body is the console's declare form as JSON (title, severity, body, components…). */
export const POST = apiRoute(async ({ ctx, request }) =>
  json(await declareIncident({ ctx, input: await jsonBody(request) }), 201),
);
