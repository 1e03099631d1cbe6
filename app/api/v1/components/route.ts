import { listComponents } from "@/lib/components/list-components";
import { apiRoute, json } from "../_lib/api-route";

/** Groups with their components, then ungrouped ones, in display order. */
export const GET = apiRoute(async ({ ctx }) => json(await listComponents({ ctx })));
