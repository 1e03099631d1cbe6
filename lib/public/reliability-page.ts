import type { Db } from "../db/client";
import { computeReliability, type ReliabilityWindow } from "../reliability/compute-reliability";
import { publicCached } from "./public-cache";

/** Today's uptime and pending promises drift with time, so a cached report also expires on its own. */
const RELIABILITY_MAX_AGE_MS = 5 * 60_000;

/** The reliability report for one window, cached like the other public pages (a publish invalidates it). */
export function loadReliabilityPage(
  getDb: () => Promise<Db>,
  days: ReliabilityWindow,
  timeZone: string,
) {
  return publicCached(
    `reliability:${days}:${timeZone}`,
    async () => computeReliability(await getDb(), { days, now: new Date(), timeZone }),
    { maxAgeMs: RELIABILITY_MAX_AGE_MS },
  );
}
