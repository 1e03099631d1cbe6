import { NextResponse } from "next/server";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/public-response";

/**
 * Public HTML pages as they reach Next: CDN-friendly Cache-Control. (In
 * production most page requests never get here: the front cache in lib/front/
 * answers them from memory, with the one ETag scheme of lib/http/etag.ts.)
 */
export function proxy() {
  const response = NextResponse.next();
  response.headers.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  return response;
}

/**
 * The page paths of lib/http/public-routes.ts. Next reads this literally at
 * build time (no imports), so it is spelled out; proxy.test.ts keeps it equal.
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
  ],
};
