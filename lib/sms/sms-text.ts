import type { ChatMessage } from "../channels/chat-message";
import { fitSms } from "./segments";

/** Texts are at most this many parts: the link to the page carries the rest. */
export const MAX_SMS_SEGMENTS = 2;

const INTERNAL_FIELDS = ["ETA", "Business impact", "Internal note"];

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * The SMS version of a channel-neutral message: who is speaking, the headline
 * and as much of the body as fits two parts, then what must never be cut
 * ("next update by" and the link), so a long update is shortened in its middle.
 */
export function smsFromMessage(
  message: Pick<ChatMessage, "pageName" | "title" | "body" | "url" | "fields">,
): string {
  const next = message.fields.find((f) => f.name === "Next update by")?.value;
  const head = `${oneLine(message.pageName)}: ${oneLine(message.title)}`;
  // The stakeholders' version: their fields first, since the public body is what gets cut.
  const internal = message.fields
    .filter((f) => INTERNAL_FIELDS.includes(f.name))
    .map((f) => `${f.name}: ${oneLine(f.value)}.`);
  const body = oneLine([...internal, message.body].join(" "));
  const tail = `${next ? ` Next update by ${oneLine(next)}.` : ""} ${message.url}`;
  return fitSms(body ? `${head}. ${body}` : head, tail, MAX_SMS_SEGMENTS);
}

/** The opt-in text: the code first, so phones can offer to fill it in, and where to enter it. */
export const smsCodeText = (pageName: string, code: string, confirmUrl: string) =>
  `${code} is your code for ${oneLine(pageName)} status texts. Enter it within 10 minutes at ${confirmUrl} Reply STOP to opt out.`;
