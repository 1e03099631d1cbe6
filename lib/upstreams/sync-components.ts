import { and, eq, isNull, notInArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { upstreamComponents, upstreamPages, type UpstreamPage } from "../db/schema";
import { leafComponents, type UpstreamSummary } from "./summary-schema";

/**
 * Brings the stored upstream components in line with a fresh summary, writing
 * only rows that changed: upstream tables are public, and every write to them
 * refreshes every cache (so a poll that changes nothing must write nothing).
 */
export async function syncUpstreamComponents(
  tx: Db,
  page: UpstreamPage,
  summary: UpstreamSummary,
  now: Date,
) {
  if (page.pageName !== summary.page.name || page.unknownSince)
    await tx
      .update(upstreamPages)
      .set({ pageName: summary.page.name, unknownSince: null })
      .where(eq(upstreamPages.id, page.id));
  const stored = await tx
    .select()
    .from(upstreamComponents)
    .where(eq(upstreamComponents.upstreamPageId, page.id));
  const byExternal = new Map(stored.map((c) => [c.externalId, c]));
  const fresh = leafComponents(summary);
  for (const c of fresh) {
    const old = byExternal.get(c.externalId);
    if (!old) {
      await tx.insert(upstreamComponents).values({ upstreamPageId: page.id, ...c });
      continue;
    }
    const same =
      old.name === c.name &&
      old.groupName === c.groupName &&
      old.status === c.status &&
      old.position === c.position &&
      old.missingSince === null;
    if (!same)
      await tx
        .update(upstreamComponents)
        .set({ ...c, missingSince: null })
        .where(eq(upstreamComponents.id, old.id));
  }
  // Gone upstream: kept (picks and dependencies survive a rename or a blip), shown as unknown.
  const listed = fresh.map((c) => c.externalId);
  await tx
    .update(upstreamComponents)
    .set({ missingSince: now })
    .where(
      and(
        eq(upstreamComponents.upstreamPageId, page.id),
        isNull(upstreamComponents.missingSince),
        listed.length ? notInArray(upstreamComponents.externalId, listed) : undefined,
      ),
    );
  return fresh.length;
}
