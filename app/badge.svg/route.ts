import { servePublic } from "@/app/_lib/serve-public";
import { parseBadgeQuery } from "@/lib/http/public-params";
import { renderBadgeSvg, SVG_CONTENT_TYPE } from "@/lib/badges/render-badge";
import { overallBadge } from "@/lib/badges/status-badges";

export const dynamic = "force-dynamic";

/** The page's overall status as a shields-style badge for READMEs and dashboards. */
export function GET(request: Request) {
  const options = parseBadgeQuery(new URL(request.url).searchParams);
  return servePublic(request, (snapshot) => ({
    body: renderBadgeSvg(overallBadge(snapshot), options),
    contentType: SVG_CONTENT_TYPE,
  }));
}
