import { EMBED_SCRIPT_SOURCE } from "@/lib/embed/embed-script";
import { publicResponse } from "@/lib/http/public-response";

export const dynamic = "force-dynamic";

/** The status toast for customers' own sites; loaded cross-origin, so readable from anywhere. */
export function GET(request: Request) {
  return publicResponse(EMBED_SCRIPT_SOURCE, {
    contentType: "application/javascript; charset=utf-8",
    request,
    headers: { "Access-Control-Allow-Origin": "*" },
  });
}
