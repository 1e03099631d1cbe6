import { PAGE_TIME_ZONE } from "../../lib/db/seed/catalog";
import { instantToWallClock } from "../../lib/time/wall-clock";

/**
 * The seeded page's time zone. Console date-time fields are typed as the
 * page's clock reads, whatever zone the browser is in.
 */
export const PAGE_ZONE = PAGE_TIME_ZONE;

/** What a person types into a console date-time field for `minutes` from now. */
export const pageClockIn = (minutes: number) =>
  instantToWallClock(new Date(Date.now() + minutes * 60_000), PAGE_ZONE);
