import { baseUrl } from "@/lib/config";
import {
  buildHistoryFeed,
  FEED_CONTENT_TYPES,
  type FeedFormat,
} from "@/lib/feeds/build-history-feed";
import { servePublic } from "./serve-public";

/** A history feed from the cached snapshot; an unknown or hidden component is a 404. */
export function serveFeed(request: Request, format: FeedFormat, componentId: string | null = null) {
  return servePublic(request, (snapshot) => {
    if (componentId && !snapshot.components.some((c) => c.id === componentId)) {
      return { body: "No such component.", contentType: "text/plain; charset=utf-8", status: 404 };
    }
    return {
      body: buildHistoryFeed(snapshot, { baseUrl: baseUrl(), format, componentId }),
      contentType: FEED_CONTENT_TYPES[format],
    };
  });
}
