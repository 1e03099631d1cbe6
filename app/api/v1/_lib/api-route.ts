import { getDb } from "@/lib/db";
import type { Ctx } from "@/lib/context";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { HeraldError } from "@/lib/errors";
import { errorResponse } from "@/lib/errors-http";
import { parsePublicId } from "@/lib/http/public-params";
import { MAX_API_BODY_BYTES, readBodyCapped, requireJsonContentType } from "@/lib/http/read-body";

type RouteParams = Record<string, string>;
type Handler<P extends RouteParams> = (call: {
  ctx: Ctx;
  request: Request;
  params: P;
}) => Promise<Response>;

/** Every /api/v1 path parameter is a public id; anything else names nothing (404), before any query runs. */
function pathIds<P extends RouteParams>(params: P): P {
  for (const value of Object.values(params))
    if (parsePublicId(value) === null) throw new HeraldError("not_found", "No such resource.");
  return params;
}

/** Management data is per-caller and changes with every write: never cached anywhere. */
const NO_STORE = { "Cache-Control": "no-store" };

/** The {actor, db} context for a request carrying `Authorization: Bearer hrld_…`; throws 401 otherwise. */
export async function apiCtx(request: Request): Promise<Ctx> {
  const db = await getDb();
  const actor = await authenticateApiKey(db, request.headers.get("authorization"));
  if (!actor)
    throw new HeraldError(
      "unauthenticated",
      "Send a valid, unrevoked API key as “Authorization: Bearer hrld_…”.",
    );
  return { actor, db };
}

/**
 * Wraps a /api/v1 handler: authenticates the key, then maps any thrown error
 * once (HeraldError codes → 400/401/403/404/409). Authorization itself is the
 * domain functions' job; a read-only key acts as a viewer and gets 403 on writes.
 */
export function apiRoute<P extends RouteParams = RouteParams>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    let response: Response;
    try {
      const ctx = await apiCtx(request);
      response = await handler({
        ctx,
        request,
        params: pathIds((await context.params) ?? ({} as P)),
      });
    } catch (error) {
      response = errorResponse(error);
      if (response.status === 401)
        response.headers.set("WWW-Authenticate", 'Bearer realm="herald"');
    }
    for (const [name, value] of Object.entries(NO_STORE)) response.headers.set(name, value);
    return response;
  };
}

/**
 * The request's JSON object body, the one place /api/v1 reads bodies: 415
 * unless it says it is JSON, 413 past 1 MB, 400 for anything but an object.
 */
export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  requireJsonContentType(request);
  const text = await readBodyCapped(request, MAX_API_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new HeraldError(
      "invalid",
      "Send a JSON object as the request body, with Content-Type: application/json.",
    );
  }
  return body as Record<string, unknown>;
}

/** 200 for reads and changes, 201 when the call created something. */
export const json = (body: unknown, status = 200) => Response.json(body, { status });
