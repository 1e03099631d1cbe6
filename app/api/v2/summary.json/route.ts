import { statuspageRoute } from "@/app/api/v2/_lib/statuspage-route";

export const dynamic = "force-dynamic";
export const GET = statuspageRoute("summary.json");
export { OPTIONS } from "@/app/api/v2/_lib/statuspage-route";
