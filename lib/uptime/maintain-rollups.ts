import type { Db } from "../db/client";
import { components } from "../db/schema";
import { getPageSettings } from "../settings/get-page-settings";
import { addDays, dayKeyOf } from "../time/days";
import { ensureUptimeRollups } from "./ensure-rollups";

/** The window the status page shows (lib/public/status-page.ts). */
const PAGE_DAYS = 90;

/**
 * For the worker's tick: yesterday's rollups (and any a backfilled event or a
 * time-zone change dropped) are computed here, ahead of readers, so a page
 * render after midnight or after a correction finds them ready.
 */
export async function maintainUptimeRollups(db: Db, now = new Date()) {
  const { timeZone } = await getPageSettings(db);
  const componentIds = (await db.select({ id: components.id }).from(components)).map((c) => c.id);
  const today = dayKeyOf(now, timeZone);
  await ensureUptimeRollups(db, {
    timeZone,
    from: addDays(today, -(PAGE_DAYS - 1)),
    through: today,
    now,
    componentIds,
  });
}
