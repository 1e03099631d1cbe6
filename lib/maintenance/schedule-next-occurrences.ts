import { and, asc, eq, isNotNull } from "drizzle-orm";
import { systemActor } from "../context";
import type { Db } from "../db/client";
import { maintenanceComponents, maintenances, type Maintenance } from "../db/schema";
import { getPageSettings } from "../settings/get-page-settings";
import { insertMaintenanceWindow } from "./insert-maintenance-window";
import { nextOccurrenceAfter } from "./next-occurrence";

/**
 * The worker's part of recurring maintenance: for each series whose latest
 * occurrence is under way, over or cancelled, schedule the next one (a normal
 * window: announced, reminded, started and completed like any other), at the
 * series' local time in the page's zone, after now. Occurrences missed while
 * the worker was down are skipped, not run late. Returns how many were scheduled.
 */
export async function scheduleNextOccurrences(db: Db, now: Date): Promise<number> {
  const repeating = await db
    .select()
    .from(maintenances)
    .where(and(isNotNull(maintenances.repeat), isNotNull(maintenances.seriesId)))
    .orderBy(asc(maintenances.scheduledFor));
  if (repeating.length === 0) return 0;
  const latest = new Map<string, Maintenance>();
  const anchors = new Map<string, Maintenance>();
  for (const m of repeating) {
    if (!anchors.has(m.seriesId!)) anchors.set(m.seriesId!, m);
    latest.set(m.seriesId!, m);
  }
  const { timeZone } = await getPageSettings(db);
  let scheduled = 0;
  for (const [seriesId, last] of latest) {
    if (last.state === "scheduled" && last.scheduledFor > now) continue;
    const anchor = anchors.get(seriesId)!;
    const after = last.scheduledFor > now ? last.scheduledFor : now;
    const start = nextOccurrenceAfter(anchor.scheduledFor, last.repeat!, after, timeZone);
    if (last.repeatUntil && start > last.repeatUntil) continue;
    const duration = anchor.scheduledUntil.getTime() - anchor.scheduledFor.getTime();
    const written = await db.transaction(async (tx) => {
      const components = await tx
        .select({ id: maintenanceComponents.componentId })
        .from(maintenanceComponents)
        .where(eq(maintenanceComponents.maintenanceId, last.id));
      return insertMaintenanceWindow(
        tx,
        systemActor,
        {
          title: last.title,
          body: last.body,
          scheduledFor: start,
          scheduledUntil: new Date(start.getTime() + duration),
          autoStart: last.autoStart,
          autoComplete: last.autoComplete,
          notify: last.notify,
          repeat: last.repeat,
          repeatUntil: last.repeatUntil,
          seriesId,
        },
        components.map((c) => c.id),
      );
    });
    if (written) scheduled++;
  }
  return scheduled;
}
