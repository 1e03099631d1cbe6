import { ErrorCode, type WebAPICallError } from "@slack/web-api";
import { DeliveryError } from "../mail/delivery-error";

/**
 * Slack's answers that no retry can change for this channel: the channel is
 * gone or the bot is not in it, or the token itself is dead. The stakeholder
 * channel is switched off at once, with the reason in the console.
 * https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */
const DISABLING = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "missing_scope",
]);
/** Refusals of this message (its shape), not of the channel: final for the row, the channel stays on. */
const PERMANENT = new Set(["invalid_blocks", "msg_too_long", "no_text", "invalid_metadata_format"]);

/**
 * A Slack Web API failure as the outbox reads it. `rateLimited`: an HTTP 429
 * (or `ratelimited`), retried after `retryAfterMs` without spending an attempt;
 * `disable`: switch the channel off now.
 */
export class SlackRefused extends DeliveryError {
  readonly rateLimited: boolean;
  readonly disable: boolean;
  constructor(
    readonly code: string,
    { rateLimited = false, retryAfterMs = null as number | null } = {},
  ) {
    super(`Slack refused: ${code}`, {
      permanent: DISABLING.has(code) || PERMANENT.has(code),
      retryAfterMs,
    });
    this.name = "SlackRefused";
    this.rateLimited = rateLimited;
    this.disable = DISABLING.has(code);
  }
}

/** Turns what the WebClient threw into a SlackRefused, or leaves it (a network error: retried with backoff). */
export function classifySlackError(error: unknown): unknown {
  const e = error as Partial<WebAPICallError> & { retryAfter?: number; data?: { error?: string } };
  if (e?.code === ErrorCode.RateLimitedError)
    return new SlackRefused("ratelimited", {
      rateLimited: true,
      retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000,
    });
  if (e?.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? "unknown_error";
    return code === "ratelimited"
      ? new SlackRefused(code, { rateLimited: true, retryAfterMs: 1000 })
      : new SlackRefused(code);
  }
  if (e?.code === ErrorCode.HTTPError)
    return new DeliveryError(`Slack answered HTTP ${e.statusCode}`);
  return error;
}
