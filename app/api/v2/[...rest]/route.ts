import { statuspageNotFound } from "@/app/api/v2/_lib/statuspage-route";

export const dynamic = "force-dynamic";
export const GET = statuspageNotFound;
export { OPTIONS } from "@/app/api/v2/_lib/statuspage-route";
