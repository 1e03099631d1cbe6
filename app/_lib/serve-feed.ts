import { baseUrl } from "@/lib/config";
import { parsePublicId } from "@/lib/http/public-params";
import {
  buildHistoryFeed,
  FEED_CONTENT_TYPES,
  type FeedFormat,
} from "@/lib/feeds/build-history-feed";
import { servePublic } from "./serve-public";

/** A history feed from the cached snapshot; an unknown or hidden component is a 404. */
export function serveFeed(request: Request, format: FeedFormat, componentId: string | null = null) {
  return servePublic(request, (snapshot) => {
    const known = componentId === null || parsePublicId(componentId) !== null;
    if (!known || (componentId && !snapshot.components.some((c) => c.id === componentId))) {
      return { body: "No such component.", contentType: "text/plain; charset=utf-8", status: 404 };
    }
    return {
      body: buildHistoryFeed(snapshot, { baseUrl: baseUrl(), format, componentId }),
      contentType: FEED_CONTENT_TYPES[format],
    };
  });
}
