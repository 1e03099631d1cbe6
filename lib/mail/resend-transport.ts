import { setTimeout as delay } from "node:timers/promises";
import type { Config } from "../config";
import { DeliveryError, retryAfterMs } from "./delivery-error";
import {
  batchIdempotencyKey,
  emailAsSent,
  type BatchOutcome,
  type MailMessage,
  type MailTransport,
} from "./transport";

type ResendError = { message: string; statusCode: number | null; name: string };

/**
 * What a failed Resend request means for the messages in it: 429 is "slow
 * down" (retried after Retry-After, not counted as an attempt); 4xx other than
 * a rate limit refuses the request for good (a bad address, a bad payload);
 * quotas and 5xx are worth retrying later.
 */
function requestError(
  error: ResendError,
  headers: Record<string, string> | null,
  what: string,
): DeliveryError {
  const message = `${what}: ${error.message}`;
  if (error.name === "rate_limit_exceeded")
    return new DeliveryError(message, { retryAfterMs: retryAfterMs(headers?.["retry-after"]) });
  const permanent =
    error.statusCode !== null &&
    error.statusCode >= 400 &&
    error.statusCode < 500 &&
    !["rate_limit_exceeded", "daily_quota_exceeded", "monthly_quota_exceeded"].includes(
      error.name,
    ) &&
    ![401, 403, 409].includes(error.statusCode);
  return new DeliveryError(message, { permanent });
}

/**
 * Spaces calls evenly, `intervalMs` apart: a fixed window ("2 per second")
 * lets two requests end one second and two start the next, four within a few
 * milliseconds, which a sliding limit like Resend's refuses.
 */
export function spacedBy(
  intervalMs: number,
  { now = Date.now, sleep = (ms: number) => delay(ms).then(() => {}) } = {},
) {
  let next = 0;
  return async () => {
    const current = now();
    const at = Math.max(current, next);
    next = at + intervalMs;
    if (at > current) await sleep(at - current);
  };
}

export type PaceDeps = { now?: () => number; sleep?: (ms: number) => Promise<void> };

/**
 * Resend's API as it behaves: requests paced to the account's rate limit
 * (RESEND_RATE_LIMIT per second for this process: with several workers, give
 * each its share), batches
 * in permissive mode so one invalid message does not sink the other 99, and
 * each message's own outcome returned.
 */
export async function createResendTransport(
  c: Config,
  pacing: PaceDeps = {},
): Promise<MailTransport> {
  const { Resend } = await import("resend");
  // RESEND_BASE_URL points the SDK at a local stand-in in tests.
  const resend = new Resend(
    c.RESEND_API_KEY,
    c.RESEND_BASE_URL ? { baseUrl: c.RESEND_BASE_URL.replace(/\/+$/, "") } : undefined,
  );
  const pace = spacedBy(1_000 / c.RESEND_RATE_LIMIT, pacing);
  const payload = (m: MailMessage) => ({ from: c.MAIL_FROM, ...emailAsSent(m) });
  return {
    name: "resend",
    async send(m) {
      await pace();
      const { data, error, headers } = await resend.emails.send(payload(m), {
        idempotencyKey: m.idempotencyKey,
      });
      if (error) throw requestError(error, headers, "Resend");
      return { providerMessageId: data.id };
    },
    async sendBatch(messages) {
      await pace();
      const { data, error, headers } = await resend.batch.send(messages.map(payload), {
        idempotencyKey: batchIdempotencyKey(messages),
        batchValidation: "permissive",
      });
      if (error) throw requestError(error, headers, "Resend batch");
      // Accepted messages' ids come in order, skipping the refused ones.
      const refused = new Map((data.errors ?? []).map((e) => [e.index, e.message]));
      const ids = data.data.map((d) => d.id);
      return messages.map((_, index): BatchOutcome => {
        const reason = refused.get(index);
        if (reason !== undefined)
          return { ok: false, error: new DeliveryError(`Resend: ${reason}`, { permanent: true }) };
        return { ok: true, providerMessageId: ids.shift() };
      });
    },
  };
}
