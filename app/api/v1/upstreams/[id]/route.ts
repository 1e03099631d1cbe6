import { deleteUpstream } from "@/lib/upstreams/delete-upstream";
import { getUpstream } from "@/lib/upstreams/list-upstreams";
import { updateUpstream } from "@/lib/upstreams/update-upstream";
import { apiRoute, json, jsonBody } from "../../_lib/api-route";

/** One upstream: every component it lists, which show, dependencies, and its recent incidents. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) =>
  json(await getUpstream({ ctx, input: { upstreamId: params.id } })),
);

/** { label?, shown?: [upstream component ids], dependencies?: { <upstream component id>: [component ids] } } */
export const PATCH = apiRoute<{ id: string }>(async ({ ctx, request, params }) => {
  await updateUpstream({ ctx, input: { ...(await jsonBody(request)), upstreamId: params.id } });
  return json(await getUpstream({ ctx, input: { upstreamId: params.id } }));
});

export const DELETE = apiRoute<{ id: string }>(async ({ ctx, params }) =>
  json(await deleteUpstream({ ctx, input: { upstreamId: params.id } })),
);
