import { declareIncident } from "@/lib/incidents/declare-incident";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { listDrafts } from "@/lib/inbound/drafts/list-drafts";
import { apiRoute, json, jsonBody } from "../_lib/api-route";

/**
 * Open incidents (with their cadence data), the latest resolved ones, and drafts
 * waiting to be published (`"draft": true`; publish with POST /incidents/{id}/publish).
 */
export const GET = apiRoute(async ({ ctx }) => {
  const [list, drafts] = await Promise.all([listIncidents({ ctx }), listDrafts({ ctx })]);
  return json({
    open: list.open.map((incident) => ({ ...incident, draft: false })),
    resolved: list.resolved.map((incident) => ({ ...incident, draft: false })),
    drafts: drafts.map((draft) => ({ ...draft, draft: true })),
  });
});

/** Declares an incident; the body is the console's declare form as JSON (title, severity, body, components…). */
export const POST = apiRoute(async ({ ctx, request }) =>
  json(await declareIncident({ ctx, input: await jsonBody(request) }), 201),
);
