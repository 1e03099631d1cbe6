import { removeSubscriber } from "@/lib/webhooks/manage-webhooks";
import { apiRoute } from "../../_lib/api-route";

/** Removes a subscriber of any type for good: 204, or 404 when there is none. */
export const DELETE = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  await removeSubscriber({ ctx, input: { id: params.id } });
  return new Response(null, { status: 204 });
});
