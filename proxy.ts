import { NextResponse, type NextRequest } from "next/server";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/public-response";
import { publicValidator } from "@/lib/public/public-cache";
import { lastKnownLive } from "@/lib/db/liveness";

/**
 * Public HTML pages as they reach Next: CDN-friendly Cache-Control and a weak
 * ETag derived from the public cache's version, so a revalidation costs a 304
 * and no render. (In production most page requests never get here: the front
 * cache in lib/front/ answers them from memory.)
 */
export async function proxy(request: NextRequest) {
  // Client-side navigations fetch an RSC payload from the same URL: a different representation.
  // Pages carry a "may be out of date" note while the database is unreachable: that state is part of the content.
  const kind = request.headers.has("rsc") ? "rsc" : "html";
  const etag = publicValidator(`${kind}-${lastKnownLive() ? "live" : "stale"}`);
  const headers = { "Cache-Control": PUBLIC_CACHE_CONTROL, ETag: etag };
  if (request.headers.get("if-none-match") === etag)
    return new NextResponse(null, { status: 304, headers });
  const response = NextResponse.next();
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: ["/", "/history", "/incidents/:path*", "/maintenance/:path*", "/uptime", "/reliability"],
};
