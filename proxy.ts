import { NextResponse, type NextRequest } from "next/server";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/public-response";
import { publicValidator } from "@/lib/public/public-cache";
import { cachedPage } from "@/lib/public/page-cache";
import { lastKnownLive } from "@/lib/db/liveness";

/** Marks the proxy's own loopback render request, which must reach the renderer. */
const RENDER_HEADER = "x-herald-render";

/** This server's own address, as `next start` records it (never the public host: that may be a CDN). */
function loopbackOrigin(): string | null {
  return process.env.__NEXT_PRIVATE_ORIGIN || (process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null);
}

/**
 * Public HTML pages: CDN-friendly Cache-Control and a weak ETag derived from
 * the public cache's version (a revalidation costs a 304 and no render), and
 * the rendered page itself served from memory until the next publish.
 * (Runs in the Node runtime, in the same process as the pages.)
 */
export async function proxy(request: NextRequest) {
  // Client-side navigations fetch an RSC payload from the same URL: a different representation.
  // Pages carry a "may be out of date" note while the database is unreachable: that state is part of the content.
  const kind = request.headers.has("rsc") ? "rsc" : "html";
  const etag = publicValidator(`${kind}-${lastKnownLive() ? "live" : "stale"}`);
  const headers = { "Cache-Control": PUBLIC_CACHE_CONTROL, ETag: etag };
  if (request.headers.get("if-none-match") === etag) return new NextResponse(null, { status: 304, headers });

  const origin = loopbackOrigin();
  if (kind === "html" && request.method === "GET" && !request.headers.has(RENDER_HEADER) && origin && process.env.NODE_ENV === "production") {
    const path = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    const page = await cachedPage(path, etag, () => fetch(`${origin}${path}`, { headers: { [RENDER_HEADER]: "1", accept: "text/html" }, redirect: "manual" }));
    if (page) return new NextResponse(page.body, { status: page.status, headers: [...page.headers, ...Object.entries(headers)] });
  }
  const response = NextResponse.next();
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

export const config = { matcher: ["/", "/history", "/incidents/:path*", "/maintenance/:path*", "/uptime", "/reliability"] };
