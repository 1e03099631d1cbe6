import { ne } from "drizzle-orm";
import type { Ctx } from "../context";
import { components } from "../db/schema";
import { requireRole } from "../auth/authorize";
import { listOpenIncidents } from "../incidents/list-open-incidents";
import { listActiveAndUpcomingMaintenance } from "../maintenance/list-upcoming-maintenance";
import { medianMinutesToFirstPost } from "../reliability/time-to-first-post";

/** The dashboard's "time to first post" looks back as far as the status page's uptime bars. */
export const FIRST_POST_WINDOW_DAYS = 90;

/** What the console's first screen shows; any member may read it. */
export async function getDashboard({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  const since = new Date(Date.now() - FIRST_POST_WINDOW_DAYS * 86_400_000);
  const [openIncidents, maintenance, degraded, toFirstPost] = await Promise.all([
    listOpenIncidents(ctx.db),
    listActiveAndUpcomingMaintenance(ctx.db),
    ctx.db.select().from(components).where(ne(components.status, "operational")),
    medianMinutesToFirstPost(ctx.db, since),
  ]);
  return { openIncidents, maintenance, degraded, medianMinutesToFirstPost: toFirstPost };
}
