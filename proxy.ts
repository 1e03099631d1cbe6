import { NextResponse, type NextRequest } from "next/server";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/public-response";
import { publicValidator } from "@/lib/public/public-cache";
import { lastKnownLive } from "@/lib/db/liveness";
import { refuseOversizedBody } from "@/lib/http/action-body-limit";
import { hasUndecodablePath, undecodablePathResponse } from "@/lib/http/undecodable-path";

/** The public HTML pages: Cache-Control and ETag are theirs alone. */
const PUBLIC_PAGE = /^\/(?:history|uptime|reliability|(?:incidents|maintenance)\/.*)?$/;

/**
 * Every request to Next passes here (the matcher excludes only build assets).
 * First the guards that must run before Next decodes anything: an address
 * with an invalid %-escape is a 404 (Next would answer 500), and a form post
 * to a page (a server action) over the size limit a 413 (Next would answer 500).
 * Then public HTML pages: CDN-friendly Cache-Control and a weak ETag derived
 * from the public cache's version, so a revalidation costs a 304 and no
 * render. (In production most page requests never get here: the front cache
 * in lib/front/ answers them from memory.)
 */
export async function proxy(request: NextRequest) {
  if (hasUndecodablePath(request.nextUrl.pathname)) return undecodablePathResponse();
  if (request.method !== "GET" && request.method !== "HEAD") {
    // Route handlers under /api/ read (and cap) their own bodies; pages take posts only as server actions.
    const isPage = !request.nextUrl.pathname.startsWith("/api/");
    return (isPage && refuseOversizedBody(request)) || NextResponse.next();
  }
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
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
