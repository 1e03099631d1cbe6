import { NextResponse, type NextRequest } from "next/server";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/public-response";
import { publicValidator } from "@/lib/public/public-cache";
import { lastKnownLive } from "@/lib/db/liveness";
import { refuseOversizedBody } from "@/lib/http/action-body-limit";

/** The public pages of the matcher below (the matcher must be a literal Next can read at build time). */
const PUBLIC_PAGE = /^\/(?:history|uptime|reliability|(?:incidents|maintenance)\/.*)?$/;

/**
 * Public HTML pages as they reach Next: CDN-friendly Cache-Control and a weak
 * ETag derived from the public cache's version, so a revalidation costs a 304
 * and no render. (In production most page requests never get here: the front
 * cache in lib/front/ answers them from memory.)
 */
export async function proxy(request: NextRequest) {
  // Form posts (server actions) to any page: refused by size before Next decodes them.
  if (request.method !== "GET" && request.method !== "HEAD")
    return refuseOversizedBody(request) ?? NextResponse.next();
  if (!PUBLIC_PAGE.test(request.nextUrl.pathname)) return NextResponse.next();
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
  matcher: [
    "/",
    "/history",
    "/incidents/:path*",
    "/maintenance/:path*",
    "/uptime",
    "/reliability",
    // A server action can be posted to any page's URL; /api routes read their own bodies.
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "content-type" }] },
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
