import { DeliveryError } from "../mail/delivery-error";
import { sendOutbound, type OutboundResponse } from "../http/outbound/send-outbound";
import { CHAT_ADAPTERS } from "./adapters";
import type { ChatRequest } from "./chat-message";

/**
 * A chat platform's refusal. `rateLimited`: a 429, to be retried no sooner
 * than `retryAfterMs`; `gone`: 404 or 410, the webhook was deleted (the
 * subscription is switched off after a few of these in a row); 400 and 413 are
 * permanent (the same message will be refused again).
 */
export class ChatRefused extends DeliveryError {
  readonly rateLimited: boolean;
  readonly gone: boolean;
  constructor(
    readonly status: number,
    answer: string,
    retryAfterMs: number | null,
  ) {
    super(`${label(status)} (HTTP ${status})${answer ? `: ${answer}` : ""}`, {
      permanent: status === 400 || status === 413,
      retryAfterMs,
    });
    this.name = "ChatRefused";
    this.rateLimited = status === 429;
    this.gone = status === 404 || status === 410;
  }
}

function label(status: number) {
  if (status === 429) return "Rate limited";
  if (status === 404 || status === 410) return "The webhook no longer exists";
  return "The chat webhook refused the message";
}

/** Answers are read for their status and a short reason, nothing more. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** One POST through Herald's outbound client; resolves on 2xx, throws ChatRefused otherwise. */
export async function postChat(request: ChatRequest): Promise<void> {
  const response = await sendOutbound(
    {
      url: CHAT_ADAPTERS[request.channel].target(request.url),
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8", "User-Agent": "Herald-Chat/1" },
      body: request.body,
    },
    { maxResponseBytes: MAX_ANSWER_BYTES },
  );
  const refusal = interpretChatAnswer(response);
  if (refusal) throw refusal;
}

/**
 * Any 2xx is delivered (Slack and Mattermost answer 200 "ok", Teams Workflows
 * 202, Discord 204). A 429's wait is Discord's `retry_after` body field
 * (seconds) when there is one, `Retry-After` otherwise, one second at least:
 * https://discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit
 */
export function interpretChatAnswer(
  response: Pick<OutboundResponse, "status" | "body" | "retryAfterMs">,
): ChatRefused | null {
  const { status } = response;
  if (status >= 200 && status < 300) return null;
  const text = response.body.toString("utf8");
  let wait = response.retryAfterMs ?? null;
  if (status === 429) {
    // Discord's header rounds up to whole seconds; its body's figure is the precise one.
    const seconds = retryAfterField(text);
    if (seconds !== null) wait = Math.ceil(seconds * 1000);
    wait ??= 1000;
  }
  return new ChatRefused(status, reason(text), status === 429 ? Math.min(wait!, 86_400_000) : wait);
}

function retryAfterField(text: string): number | null {
  try {
    const value = (JSON.parse(text) as { retry_after?: unknown }).retry_after;
    return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
  } catch {
    return null;
  }
}

/** Slack answers "no_service", Discord {"message": "Unknown Webhook"}: kept short for the console. */
function reason(text: string): string {
  let value = text.trim();
  try {
    const parsed = JSON.parse(value) as { message?: unknown; error?: { message?: unknown } };
    const message = parsed.message ?? parsed.error?.message;
    if (typeof message === "string") value = message;
  } catch {
    // Plain text answer.
  }
  return value.replace(/\s+/g, " ").slice(0, 200);
}
