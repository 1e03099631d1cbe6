import { config, type Config } from "../config";
import { DeliveryError } from "../mail/delivery-error";
import { sendOutbound } from "../http/outbound/send-outbound";

export type SmsRequest = { to: string; body: string };
export type SendSms = (request: SmsRequest) => Promise<{ providerMessageId?: string }>;

/**
 * Twilio error codes that say the number itself will never take our texts:
 * the subscription is switched off at once rather than retried.
 * 21610: the recipient replied STOP; 21211: not a valid number; 21614: not a mobile number.
 * https://www.twilio.com/docs/api/errors
 */
const NUMBER_REFUSED = new Set([21610, 21211, 21614]);

/**
 * Twilio's refusal. `rateLimited` (HTTP 429 or error 20429): try again after
 * `retryAfterMs` without spending an attempt; `numberRefused`: permanent, and
 * the subscription goes off; other 400s are permanent for this message.
 */
export class SmsRefused extends DeliveryError {
  readonly rateLimited: boolean;
  readonly numberRefused: boolean;
  constructor(
    readonly status: number,
    readonly code: number | null,
    detail: string,
    retryAfterMs: number | null,
  ) {
    const rateLimited = status === 429 || code === 20429;
    super(
      `Twilio refused the text (HTTP ${status}${code ? `, error ${code}` : ""})${detail ? `: ${detail}` : ""}`,
      {
        permanent: !rateLimited && status === 400,
        retryAfterMs: rateLimited ? (retryAfterMs ?? 1000) : retryAfterMs,
      },
    );
    this.name = "SmsRefused";
    this.rateLimited = rateLimited;
    this.numberRefused = code !== null && NUMBER_REFUSED.has(code);
  }
}

export const messagesUrl = (c: Pick<Config, "TWILIO_API_URL" | "TWILIO_ACCOUNT_SID">) =>
  `${c.TWILIO_API_URL.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(c.TWILIO_ACCOUNT_SID ?? "")}/Messages.json`;

/**
 * Sends one text through Twilio's Messages resource (form-encoded To, From or
 * MessagingServiceSid, Body; HTTP Basic with the account SID and auth token),
 * through Herald's one outbound client. Resolves with the message SID.
 */
export function twilioSender(c: Config = config()): SendSms {
  return async ({ to, body }) => {
    const form = new URLSearchParams({ To: to, Body: body });
    if (c.TWILIO_MESSAGING_SERVICE_SID)
      form.set("MessagingServiceSid", c.TWILIO_MESSAGING_SERVICE_SID);
    else form.set("From", c.TWILIO_FROM ?? "");
    const auth = Buffer.from(`${c.TWILIO_ACCOUNT_SID}:${c.TWILIO_AUTH_TOKEN}`).toString("base64");
    const response = await sendOutbound(
      {
        url: messagesUrl(c),
        method: "POST",
        headers: {
          Authorization: `Basic ${auth}`,
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
          "User-Agent": "Herald-SMS/1",
        },
        body: form.toString(),
      },
      // TWILIO_API_URL is the operator's setting, not an address a user typed: like SMTP_URL, it
      // may be a local relay (or the tests' stand-in), so the private-address guard does not apply.
      { maxResponseBytes: 64 * 1024, allowPrivate: true },
    );
    const answer = parseAnswer(response.body.toString("utf8"));
    if (response.status >= 200 && response.status < 300)
      return { providerMessageId: typeof answer.sid === "string" ? answer.sid : undefined };
    throw new SmsRefused(
      response.status,
      typeof answer.code === "number" ? answer.code : null,
      typeof answer.message === "string" ? answer.message.slice(0, 200) : "",
      response.retryAfterMs ?? null,
    );
  };
}

function parseAnswer(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
