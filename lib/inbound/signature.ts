import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * PagerDuty V3: `X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the raw body>`,
 * possibly several comma-separated (during secret rotation); any match is valid.
 * https://developer.pagerduty.com/docs/webhooks/webhook-signatures/
 */
export function pagerDutySignatureValid(header: string | null, rawBody: string, secret: string) {
  if (!header) return false;
  const expected = createHmac("sha256", secret).update(rawBody, "utf8").digest();
  return header.split(",").some((part) => {
    const [scheme, hex] = part.trim().split("=");
    if (scheme !== "v1" || !hex || !/^[0-9a-f]{64}$/i.test(hex)) return false;
    return timingSafeEqual(Buffer.from(hex, "hex"), expected);
  });
}

export function pagerDutySignature(rawBody: string, secret: string) {
  return `v1=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}
