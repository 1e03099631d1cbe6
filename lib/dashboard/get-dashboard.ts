import { ne } from "drizzle-orm";
import type { Ctx } from "../context";
import { components } from "../db/schema";
import { requireRole } from "../auth/authorize";
import { listOpenIncidents } from "../incidents/list-open-incidents";
import { listActiveAndUpcomingMaintenance } from "../maintenance/list-upcoming-maintenance";

/** What the console's first screen shows; any member may read it. */
export async function getDashboard({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  const [openIncidents, maintenance, degraded] = await Promise.all([
    listOpenIncidents(ctx.db),
    listActiveAndUpcomingMaintenance(ctx.db),
    ctx.db.select().from(components).where(ne(components.status, "operational")),
  ]);
  return { openIncidents, maintenance, degraded };
}
