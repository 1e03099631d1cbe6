import { baseUrl, config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/errors-http";
import { receiveTwilioInbound } from "@/lib/sms/receive-inbound";

export const dynamic = "force-dynamic";

/** An incoming text is a few hundred bytes of form fields. */
const MAX_BODY_BYTES = 64 * 1024;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Twilio's messaging webhook for the sending number: STOP/START (and the
 * other opt-out and opt-in words). Answered with empty TwiML, since Twilio
 * itself sends the carrier-required confirmation text.
 */
export async function POST(request: Request) {
  const c = config();
  if (!c.TWILIO_AUTH_TOKEN) return new Response("Not configured.\n", { status: 404 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return new Response("Too large.\n", { status: 413 });
  try {
    const body = await request.text();
    if (body.length > MAX_BODY_BYTES) return new Response("Too large.\n", { status: 413 });
    const query = new URL(request.url).search;
    await receiveTwilioInbound({
      db: await getDb(),
      authToken: c.TWILIO_AUTH_TOKEN,
      // The URL Twilio was given: from HERALD_URL, never from Host/X-Forwarded-* headers.
      publicUrl: `${baseUrl(c)}/api/twilio/inbound${query}`,
      signature: request.headers.get("x-twilio-signature"),
      params: [...new URLSearchParams(body)],
    });
    return new Response(EMPTY_TWIML, {
      headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
