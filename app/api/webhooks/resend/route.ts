import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/errors-http";
import { receiveResendWebhook } from "@/lib/deliverability/receive-resend-webhook";

export const dynamic = "force-dynamic";

/** Resend's events are a few KB; anything far larger is not one. */
const MAX_BODY_BYTES = 256 * 1024;

/** Resend's webhook (email.delivered / email.bounced / email.complained), Svix-signed with RESEND_WEBHOOK_SECRET. */
export async function POST(request: Request) {
  const secret = config().RESEND_WEBHOOK_SECRET;
  if (!secret) return new Response("Not configured.\n", { status: 404 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return new Response("Too large.\n", { status: 413 });
  try {
    const body = await request.text();
    if (body.length > MAX_BODY_BYTES) return new Response("Too large.\n", { status: 413 });
    const result = await receiveResendWebhook({
      db: await getDb(),
      secret,
      body,
      headers: Object.fromEntries(request.headers),
    });
    return Response.json({ ok: true, result }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
