/**
 * Whether a path has a segment that is not valid percent-encoded UTF-8
 * (`/incidents/%zz`, `/api/v2/%C0%AE`). Next answers such a path on a dynamic
 * route with a 500 in production (vercel/next.js#92527); no such URL can name
 * anything, so the proxy answers 404 before Next tries to decode it.
 */
export function hasUndecodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

export const undecodablePathResponse = () =>
  new Response("Not found: the address has an invalid %-escape.\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
