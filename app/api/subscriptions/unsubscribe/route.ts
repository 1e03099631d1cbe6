import { getDb } from "@/lib/db";
import { anonymousActor } from "@/lib/context";
import { errorResponse } from "@/lib/errors-http";
import { parseTokenQuery } from "@/lib/http/public-params";
import { unsubscribe } from "@/lib/subscribers/manage-subscription";

export const dynamic = "force-dynamic";

/**
 * RFC 8058 one-click unsubscribe: the mail client POSTs
 * `List-Unsubscribe=One-Click` to the List-Unsubscribe URL, with no cookies and
 * no page to look at. Answers 200 on success, also when already unsubscribed.
 */
export async function POST(request: Request) {
  try {
    await unsubscribe({
      ctx: { db: await getDb(), actor: anonymousActor },
      input: { token: parseTokenQuery(new URL(request.url).searchParams).token },
    });
    return new Response("Unsubscribed.\n", {
      status: 200,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

/** A person opening the header's URL in a browser gets the page with a button instead. */
export function GET(request: Request) {
  const token = parseTokenQuery(new URL(request.url).searchParams).token ?? "";
  return new Response(null, {
    status: 303,
    headers: {
      Location: `/unsubscribe?token=${encodeURIComponent(token)}`,
      "Cache-Control": "no-store",
    },
  });
}
