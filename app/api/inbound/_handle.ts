import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/errors-http";
import { receiveInbound } from "@/lib/inbound/receive-inbound";

/** Alerts and pings are per-request writes: never cached anywhere. */
const NO_STORE = { "Cache-Control": "no-store" };

/** Both inbound routes (token in a header, or as the last path segment) end here. */
export async function handleInbound(
  request: Request,
  params: { id: string; token?: string },
): Promise<Response> {
  try {
    const result = await receiveInbound({
      db: await getDb(),
      request,
      integrationId: params.id,
      pathToken: params.token ?? null,
    });
    const headers: Record<string, string> = { ...NO_STORE };
    if (result.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="herald-inbound"';
    return Response.json(result.body, { status: result.status, headers });
  } catch (error) {
    return errorResponse(error);
  }
}
