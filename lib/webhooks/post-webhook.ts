import { sendOutbound } from "../http/outbound/send-outbound";
import { SIGNATURE_HEADER, signWebhook } from "./signature";

export type WebhookRequest = {
  url: string;
  secret: string;
  eventType: string;
  deliveryId: string;
  body: string;
};

/** A non-2xx answer; carries the receiver's `Retry-After` so the worker waits at least that long. */
export class WebhookRefused extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(`Webhook answered HTTP ${status}`);
    this.name = "WebhookRefused";
  }
}

/** A receiver's answer is only read for its status; anything longer is not ours to hold. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * One signed POST through Herald's outbound client (private addresses refused,
 * 10 s budget). Any 2xx is success; anything else throws, and the worker
 * retries with backoff. Redirects are not followed: a signed body must only
 * reach the URL its owner registered.
 */
export async function postWebhook(request: WebhookRequest, now = new Date()): Promise<void> {
  const response = await sendOutbound(
    {
      url: request.url,
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Herald-Webhooks/1",
        "X-Herald-Event": request.eventType,
        // Stable across retries, so a receiver can drop a delivery it already processed.
        "X-Herald-Delivery": request.deliveryId,
        [SIGNATURE_HEADER]: signWebhook(request.secret, request.body, now),
      },
      body: request.body,
    },
    { maxResponseBytes: MAX_ANSWER_BYTES },
  );
  if (response.status < 200 || response.status >= 300)
    throw new WebhookRefused(response.status, response.retryAfterMs);
}
