import { createUpstream } from "@/lib/upstreams/create-upstream";
import { listUpstreams } from "@/lib/upstreams/list-upstreams";
import { apiRoute, json, jsonBody } from "../_lib/api-route";

/** Every upstream status page with its polling state. */
export const GET = apiRoute(async ({ ctx }) => json(await listUpstreams({ ctx })));

/** Adds an upstream: { url, label? }; it is read at once, and the answer says how that went. */
export const POST = apiRoute(async ({ ctx, request }) =>
  json(await createUpstream({ ctx, input: await jsonBody(request) }), 201),
);
