import { NextResponse, type NextRequest } from "next/server";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/public-response";
import { refuseOversizedBody } from "@/lib/http/action-body-limit";
import { publicRouteOf } from "@/lib/http/public-routes";
import { hasUndecodablePath, undecodablePathResponse } from "@/lib/http/undecodable-path";

/**
 * Every request to Next passes here (the matcher excludes only build assets).
 * First the guards that must run before Next decodes anything: an address
 * with an invalid %-escape is a 404 (Next would answer 500), and a form post
 * to a page (a server action) over the size limit a 413 (Next would answer 500).
 * Then the public pages of lib/http/public-routes.ts get CDN-friendly
 * Cache-Control. (In production most page requests never get here: the front
 * cache in lib/front/ answers them from memory, with the one ETag scheme of
 * lib/http/etag.ts.)
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (hasUndecodablePath(pathname)) return undecodablePathResponse();
  if (request.method !== "GET" && request.method !== "HEAD") {
    // Route handlers under /api/ read (and cap) their own bodies; pages take posts only as server actions.
    const isPage = !pathname.startsWith("/api/");
    return (isPage && refuseOversizedBody(request)) || NextResponse.next();
  }
  if (publicRouteOf(pathname)?.kind !== "page") return NextResponse.next();
  const response = NextResponse.next();
  response.headers.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
