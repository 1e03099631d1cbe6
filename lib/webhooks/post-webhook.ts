import { SIGNATURE_HEADER, signWebhook } from "./signature";

export type WebhookRequest = {
  url: string;
  secret: string;
  eventType: string;
  deliveryId: string;
  body: string;
};

const TIMEOUT_MS = 10_000;

/**
 * One signed POST. Any 2xx is success; anything else (or no answer in 10 s)
 * throws, and the worker retries with backoff. Redirects are not followed: a
 * signed body must only reach the URL its owner registered.
 */
export async function postWebhook(request: WebhookRequest, now = new Date()): Promise<void> {
  const response = await fetch(request.url, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: {
      "Content-Type": "application/json",
      "User-Agent": "Herald-Webhooks/1",
      "X-Herald-Event": request.eventType,
      // Stable across retries, so a receiver can drop a delivery it already processed.
      "X-Herald-Delivery": request.deliveryId,
      [SIGNATURE_HEADER]: signWebhook(request.secret, request.body, now),
    },
    body: request.body,
  });
  await response.body?.cancel();
  if (response.status < 200 || response.status >= 300)
    throw new Error(`Webhook answered HTTP ${response.status}`);
}
