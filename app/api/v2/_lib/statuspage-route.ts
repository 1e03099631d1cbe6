import { servePublic } from "@/app/_lib/serve-public";
import { baseUrl } from "@/lib/config";
import { publicResponse } from "@/lib/http/public-response";
import { renderStatuspageEndpoint } from "@/lib/statuspage/statuspage-endpoints";
import { WIRE_ENDPOINT_PATHS, type WireEndpoint } from "@/lib/statuspage/wire-schema";

const JSON_TYPE = "application/json; charset=utf-8";
/** Statuspage widgets run on customers' own sites, so any origin may read the API. */
const CORS = { "Access-Control-Allow-Origin": "*" };

/** The GET handler of one Statuspage v2 endpoint. */
export function statuspageRoute(endpoint: WireEndpoint) {
  return (request: Request) =>
    servePublic(request, (snapshot) => ({
      body: renderStatuspageEndpoint(endpoint, snapshot, baseUrl()),
      contentType: JSON_TYPE,
      headers: CORS,
    }));
}

/** Answers CORS preflights, which clients trigger by adding headers such as If-None-Match to a GET. */
export function OPTIONS() {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "*",
      "Access-Control-Max-Age": "86400",
    },
  });
}

/** A JSON 404 (in Herald's error shape) for paths below /api/v2/ that are not endpoints, naming the ones that are. */
export function statuspageNotFound(request: Request): Response {
  const path = new URL(request.url).pathname;
  const body = {
    error: { code: "not_found", message: `No Statuspage API endpoint at ${path}.` },
    endpoints: WIRE_ENDPOINT_PATHS.map((e) => `/api/v2/${e}`),
  };
  return publicResponse(JSON.stringify(body), {
    status: 404,
    contentType: JSON_TYPE,
    request,
    headers: CORS,
  });
}
