import { NextResponse, type NextRequest } from "next/server";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/public-response";
import { refuseOversizedBody } from "@/lib/http/action-body-limit";
import { publicRouteOf } from "@/lib/http/public-routes";

/**
 * Two jobs before Next decodes anything:
 * - form posts (server actions) to any page are refused by size;
 * - public HTML pages get CDN-friendly Cache-Control. (In production most page
 *   requests never get here: the front cache in lib/front/ answers them from
 *   memory, with the one ETag scheme of lib/http/etag.ts.)
 */
export function proxy(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD")
    return refuseOversizedBody(request) ?? NextResponse.next();
  if (publicRouteOf(request.nextUrl.pathname)?.kind !== "page") return NextResponse.next();
  const response = NextResponse.next();
  response.headers.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  return response;
}

/**
 * The page paths of lib/http/public-routes.ts, then every page URL a server
 * action can be posted to. Next reads this literally at build time (no
 * imports), so it is spelled out; public-routes.test.ts keeps it equal.
 */
export const config = {
  matcher: [
    "/",
    "/history",
    "/uptime",
    "/reliability",
    "/embed",
    "/incidents/:id",
    "/incidents/:id/postmortem",
    "/maintenance/:id",
    // A server action can be posted to any page's URL; /api routes read their own bodies.
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "content-type" }] },
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
