import { etagOf, matchesEtag } from "./etag";

/**
 * Public, CDN-friendly responses: a short shared max-age (publishes show up
 * within seconds at the edge), a long stale-while-revalidate (the CDN absorbs
 * the incident-day spike), and an ETag (lib/http/etag.ts) so revalidation is a 304.
 */
export const PUBLIC_CACHE_CONTROL =
  "public, max-age=0, s-maxage=5, stale-while-revalidate=60, stale-if-error=86400";
/** For content that may be out of date (database unreachable): caches should ask again soon. */
export const STALE_CACHE_CONTROL = "public, max-age=0, s-maxage=1";

type PublicResponseOptions = {
  contentType: string;
  status?: number;
  /** The request, for If-None-Match handling. */
  request?: Request;
  /** Extra headers (e.g. CORS). */
  headers?: Record<string, string>;
  /** The content may be out of date (database unreachable): tell caches not to keep it long. */
  stale?: boolean;
};

export function publicResponse(body: string, options: PublicResponseOptions): Response {
  const etag = etagOf(body);
  const headers: Record<string, string> = {
    "Content-Type": options.contentType,
    "Cache-Control": options.stale ? STALE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL,
    ETag: etag,
    Vary: "Accept-Encoding",
    ...(options.stale ? { "X-Herald-Stale": "1" } : {}),
    ...options.headers,
  };
  if (matchesEtag(options.request?.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(options.request?.method === "HEAD" ? null : body, {
    status: options.status ?? 200,
    headers,
  });
}
