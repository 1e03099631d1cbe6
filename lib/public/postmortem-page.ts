import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { incidents, postmortemActionItems, postmortemRevisions, postmortems } from "../db/schema";
import { publicCached } from "./public-cache";

/** A published RCA (latest revision, or the one asked for) with its revision list and action items. */
export function loadPublicPostmortem(
  getDb: () => Promise<Db>,
  incidentId: string,
  revision?: number,
) {
  if (!/^[0-9a-z]{12}$/.test(incidentId)) return Promise.resolve({ value: null, stale: false });
  return publicCached(`postmortem:${incidentId}:${revision ?? "latest"}`, async () => {
    const db = await getDb();
    const [row] = await db
      .select({ postmortem: postmortems, incident: incidents })
      .from(postmortems)
      .innerJoin(incidents, eq(incidents.id, postmortems.incidentId))
      .where(eq(postmortems.incidentId, incidentId));
    if (!row || row.postmortem.publishedRevision === 0) return null;
    const [revisions, actionItems] = await Promise.all([
      db
        .select({
          revision: postmortemRevisions.revision,
          publishedAt: postmortemRevisions.publishedAt,
          sections: postmortemRevisions.sections,
        })
        .from(postmortemRevisions)
        .where(eq(postmortemRevisions.postmortemId, row.postmortem.id))
        .orderBy(desc(postmortemRevisions.revision)),
      db
        .select()
        .from(postmortemActionItems)
        .where(eq(postmortemActionItems.postmortemId, row.postmortem.id))
        .orderBy(asc(postmortemActionItems.position)),
    ]);
    const shown = revisions.find(
      (r) => r.revision === (revision ?? row.postmortem.publishedRevision),
    );
    if (!shown) return null;
    return {
      incident: row.incident,
      shown,
      latestRevision: row.postmortem.publishedRevision,
      firstPublishedAt: row.postmortem.firstPublishedAt!,
      revisions: revisions.map(({ revision: n, publishedAt }) => ({ revision: n, publishedAt })),
      actionItems,
    };
  });
}
