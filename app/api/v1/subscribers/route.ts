import { addSubscriber } from "@/lib/subscribers/add-subscriber";
import { listSubscribers } from "@/lib/subscribers/list-subscribers";
import { serializeSubscriber } from "@/lib/subscribers/serialize-subscriber";
import { apiRoute, json, jsonBody } from "../_lib/api-route";

/** Every public subscriber, newest first. */
export const GET = apiRoute(async ({ ctx }) =>
  json({ subscribers: (await listSubscribers({ ctx })).map(serializeSubscriber) }),
);

/**
 * {"type": "email"|"webhook"|"slack"|"teams"|"discord"|"google_chat"|"mattermost"|"sms",
 *  "email"?, "url"?, "phone"?, "components"?: [ids], "skip_confirmation"?: boolean}.
 * A webhook's signing secret is in this answer only.
 */
export const POST = apiRoute(async ({ ctx, request }) => {
  const { subscriber, secret } = await addSubscriber({ ctx, input: await jsonBody(request) });
  return json({ subscriber: serializeSubscriber(subscriber), ...(secret ? { secret } : {}) }, 201);
});
