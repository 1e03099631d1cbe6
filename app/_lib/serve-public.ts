import { getDb } from "@/lib/db";
import { publicResponse } from "@/lib/http/public-response";
import { loadStatusSnapshot, type StatusSnapshot } from "@/lib/public/status-snapshot";

export type PublicBody = {
  body: string;
  contentType: string;
  status?: number;
  headers?: Record<string, string>;
};

/**
 * Renders a public, cacheable response from the cached status snapshot. When
 * the database is down the last good snapshot is served (marked stale); only
 * when there has never been one does the caller get a 503, never a 500.
 */
export async function servePublic(
  request: Request,
  render: (snapshot: StatusSnapshot) => PublicBody,
): Promise<Response> {
  let loaded: Awaited<ReturnType<typeof loadStatusSnapshot>>;
  try {
    loaded = await loadStatusSnapshot(getDb);
  } catch (error) {
    console.error(`[herald] no status snapshot to serve: ${(error as Error).message}`);
    return new Response("Status temporarily unavailable.", {
      status: 503,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": "5",
        "Access-Control-Allow-Origin": "*",
      },
    });
  }
  const { body, ...options } = render(loaded.value);
  return publicResponse(body, { ...options, request, stale: loaded.stale });
}
