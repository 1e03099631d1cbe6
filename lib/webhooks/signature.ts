import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * `X-Herald-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 * The timestamp is signed too, so a receiver can refuse replays of old deliveries.
 */
export const SIGNATURE_HEADER = "x-herald-signature";
/** How old a signed delivery a receiver should still accept. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

const hmac = (secret: string, timestamp: number, body: string) =>
  createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

export function signWebhook(secret: string, body: string, now = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/** What a receiver does: recompute over the raw body and compare in constant time, within the tolerance. */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  now = new Date(),
): boolean {
  const fields = new Map(
    (header ?? "").split(",").map((part) => part.trim().split("=", 2) as [string, string]),
  );
  const timestamp = Number(fields.get("t"));
  const given = fields.get("v1");
  if (!Number.isInteger(timestamp) || !given) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(hmac(secret, timestamp, body));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
