import { servePublic } from "@/app/_lib/serve-public";
import { parseBadgeQuery } from "@/lib/http/public-params";
import { renderBadgeSvg, SVG_CONTENT_TYPE } from "@/lib/badges/render-badge";
import { componentBadge, UNKNOWN_COMPONENT_BADGE } from "@/lib/badges/status-badges";

export const dynamic = "force-dynamic";

/** One component's (or group's) status as a badge; an unknown or hidden id still draws a grey badge, with a 404. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const options = parseBadgeQuery(new URL(request.url).searchParams);
  return servePublic(request, (snapshot) => {
    const badge = componentBadge(snapshot, id);
    return {
      body: renderBadgeSvg(badge ?? UNKNOWN_COMPONENT_BADGE, options),
      contentType: SVG_CONTENT_TYPE,
      status: badge ? 200 : 404,
    };
  });
}
