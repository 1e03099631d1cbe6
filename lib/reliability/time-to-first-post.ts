import { gte, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { incidents, incidentUpdates } from "../db/schema";

const MINUTE = 60_000;

/**
 * Minutes from an incident's start (its first alert, for one drafted from
 * alerts, or its declared start) to its first published update; null before
 * any. A backfilled first update shown before the start counts as 0.
 */
export function minutesToFirstPost(
  startedAt: Date,
  updates: readonly { displayAt: Date }[],
): number | null {
  if (updates.length === 0) return null;
  const first = Math.min(...updates.map((u) => u.displayAt.getTime()));
  return Math.max(0, (first - startedAt.getTime()) / MINUTE);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median over incidents started since `since`, for the console's dashboard. */
export async function medianMinutesToFirstPost(db: Db, since: Date): Promise<number | null> {
  const started = await db
    .select({ id: incidents.id, startedAt: incidents.startedAt })
    .from(incidents)
    .where(gte(incidents.startedAt, since));
  if (started.length === 0) return null;
  const updates = await db
    .select({ incidentId: incidentUpdates.incidentId, displayAt: incidentUpdates.displayAt })
    .from(incidentUpdates)
    .where(
      inArray(
        incidentUpdates.incidentId,
        started.map((i) => i.id),
      ),
    );
  const minutes = started.flatMap((i) => {
    const m = minutesToFirstPost(
      i.startedAt,
      updates.filter((u) => u.incidentId === i.id),
    );
    return m === null ? [] : [m];
  });
  return median(minutes);
}

/** Under a minute reads in seconds: an alert-drafted incident is often published that fast. */
export function formatMinutesToPost(minutes: number, formatDuration: (m: number) => string) {
  return minutes < 1 ? `${Math.round(minutes * 60)} s` : formatDuration(minutes);
}
