import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { upstreamComponents, upstreamPages, type UpstreamPage } from "../db/schema";
import type { ComponentStatus } from "../db/schema/enums";
import { upstreamDisplayName, upstreamHost } from "../upstreams/upstream-names";

export type PublicUpstreamComponent = {
  id: string;
  name: string;
  /** Null when unknown: the upstream could not be read, or no longer lists it. */
  status: ComponentStatus | null;
  unknownSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** One third-party group on the page: read-only, labelled with its source, not in our uptime or overall status. */
export type PublicUpstream = {
  id: string;
  name: string;
  host: string;
  unknownSince: Date | null;
  createdAt: Date;
  components: PublicUpstreamComponent[];
};

/** Upstream pages with at least one picked component, in console order. */
export async function loadPublicUpstreams(db: Db): Promise<PublicUpstream[]> {
  const pages = await db
    .select()
    .from(upstreamPages)
    .orderBy(asc(upstreamPages.position), asc(upstreamPages.createdAt));
  if (pages.length === 0) return [];
  const shown = await db
    .select()
    .from(upstreamComponents)
    .where(
      and(
        eq(upstreamComponents.shown, true),
        inArray(
          upstreamComponents.upstreamPageId,
          pages.map((p) => p.id),
        ),
      ),
    )
    .orderBy(asc(upstreamComponents.position));
  return pages
    .map((page: UpstreamPage) => ({
      id: page.id,
      name: upstreamDisplayName(page),
      host: upstreamHost(page),
      unknownSince: page.unknownSince,
      createdAt: page.createdAt,
      components: shown
        .filter((c) => c.upstreamPageId === page.id)
        .map((c) => {
          const unknownSince = page.unknownSince ?? c.missingSince;
          return {
            id: c.id,
            name: c.groupName ? `${c.groupName} – ${c.name}` : c.name,
            status: unknownSince ? null : c.status,
            unknownSince,
            createdAt: page.createdAt,
            updatedAt: c.updatedAt,
          };
        }),
    }))
    .filter((u) => u.components.length > 0);
}
