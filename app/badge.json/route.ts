import { servePublic } from "@/app/_lib/serve-public";
import { parseBadgeJsonQuery } from "@/lib/http/public-params";
import { shieldsEndpointJson } from "@/lib/badges/render-badge";
import { componentBadge, overallBadge, UNKNOWN_COMPONENT_BADGE } from "@/lib/badges/status-badges";

export const dynamic = "force-dynamic";

/**
 * shields.io endpoint JSON: `https://img.shields.io/endpoint?url=<this URL>`.
 * The overall status, or one component's with `?component=<id>`.
 */
export function GET(request: Request) {
  const { component: componentId, ...options } = parseBadgeJsonQuery(
    new URL(request.url).searchParams,
  );
  return servePublic(request, (snapshot) => {
    const badge =
      componentId === null ? overallBadge(snapshot) : componentBadge(snapshot, componentId);
    return {
      body: shieldsEndpointJson(badge ?? UNKNOWN_COMPONENT_BADGE, { ...options, isError: !badge }),
      contentType: "application/json; charset=utf-8",
      status: badge ? 200 : 404,
      headers: { "Access-Control-Allow-Origin": "*" },
    };
  });
}
