import { listMaintenance } from "@/lib/maintenance/list-maintenance";
import { scheduleMaintenance } from "@/lib/maintenance/schedule-maintenance";
import { apiRoute, json, jsonBody } from "../_lib/api-route";

/** Upcoming and ongoing windows, then the latest finished ones. */
export const GET = apiRoute(async ({ ctx }) => json(await listMaintenance({ ctx })));

/** Schedules a window: title, body, scheduledFor, scheduledUntil (ISO times), components (ids). */
export const POST = apiRoute(async ({ ctx, request }) =>
  json(await scheduleMaintenance({ ctx, input: await jsonBody(request) }), 201),
);
