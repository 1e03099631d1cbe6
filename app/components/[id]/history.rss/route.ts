import { serveFeed } from "@/app/_lib/serve-feed";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return serveFeed(request, "rss", (await params).id);
}
