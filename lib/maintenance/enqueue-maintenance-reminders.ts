import { and, eq, gt, lte } from "drizzle-orm";
import type { Db } from "../db/client";
import { maintenanceComponents, maintenanceReminders, maintenances } from "../db/schema";
import { componentsAsOf } from "../notifications/components-as-of";
import { enqueueForSubscribers, MESSAGE_CHANNELS } from "../notifications/fan-out";
import { getPageSettings } from "../settings/get-page-settings";

const HOUR_MS = 3_600_000;

/**
 * Reminds the subscribers of an upcoming window `leadHours` before it starts
 * (the page's setting, default 24 h and 1 h), each reminder once: a row per
 * (window, lead, start) is claimed before queuing, so ticks and workers
 * racing queue it once, and a rescheduled window is reminded again. Only the
 * nearest due lead is sent: a worker that was down through "24 hours" sends
 * "1 hour", not both. A lead that had already passed when the window was
 * announced is skipped (the announcement said it all).
 */
export async function enqueueMaintenanceReminders(db: Db, now: Date): Promise<number> {
  const { maintenanceReminderHours: leads } = await getPageSettings(db);
  if (leads.length === 0) return 0;
  const furthest = Math.max(...leads);
  const upcoming = await db
    .select()
    .from(maintenances)
    .where(
      and(
        eq(maintenances.state, "scheduled"),
        eq(maintenances.notify, true),
        gt(maintenances.scheduledFor, now),
        lte(maintenances.scheduledFor, new Date(now.getTime() + furthest * HOUR_MS)),
      ),
    );
  let queued = 0;
  for (const window of upcoming) {
    const start = window.scheduledFor.getTime();
    const due = leads
      .filter((h) => start - h * HOUR_MS <= now.getTime())
      .filter((h) => window.createdAt.getTime() < start - h * HOUR_MS)
      .sort((a, b) => a - b);
    if (due.length === 0) continue;
    queued += await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(maintenanceReminders)
        .values(
          due.map((leadHours) => ({
            maintenanceId: window.id,
            leadHours,
            scheduledFor: window.scheduledFor,
          })),
        )
        .onConflictDoNothing()
        .returning({ leadHours: maintenanceReminders.leadHours });
      const nearest = due[0]!;
      if (!claimed.some((c) => c.leadHours === nearest)) return 0;
      const affected = await tx
        .select({ id: maintenanceComponents.componentId })
        .from(maintenanceComponents)
        .where(eq(maintenanceComponents.maintenanceId, window.id));
      const componentIds = affected.map((a) => a.id);
      const key = `maintenance.reminder:${window.id}:${nearest}h:${window.scheduledFor.toISOString()}`;
      await enqueueForSubscribers(
        tx,
        {
          subjectId: window.id,
          key,
          payload: {
            eventType: "maintenance.reminder",
            maintenanceId: window.id,
            components: await componentsAsOf(tx, componentIds),
            startsInHours: nearest,
          },
        },
        { componentIds, channels: MESSAGE_CHANNELS },
      );
      return 1;
    });
  }
  return queued;
}
