import { serveFeed } from "@/app/_lib/serve-feed";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return serveFeed(request, "rss");
}
