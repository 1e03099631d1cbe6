import { setComponentStatus } from "@/lib/components/set-component-status";
import { apiRoute, json, jsonBody } from "../../_lib/api-route";

/** Sets a component's status outside any incident ({"status": "degraded_performance"}); null change when it already had it. */
export const PATCH = apiRoute<{ id: string }>(async ({ ctx, request, params }) =>
  json({
    change: await setComponentStatus({
      ctx,
      input: { ...(await jsonBody(request)), componentId: params.id },
    }),
  }),
);
