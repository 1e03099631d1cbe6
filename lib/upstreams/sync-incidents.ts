import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  components,
  incidentDrafts,
  upstreamComponents,
  upstreamDependencies,
  upstreamIncidents,
  type UpstreamPage,
} from "../db/schema";
import { recordAudit } from "../audit/record-audit";
import { touchedComponentIds, type UpstreamSummary } from "./summary-schema";
import { draftUpstreamNotice } from "./draft-upstream-notice";
import { upstreamActor } from "./upstream-names";

const RESOLVED = new Set(["resolved", "postmortem", "completed"]);

/**
 * Records the upstream's unresolved incidents. One that touches a component
 * ours depend on drafts one notice (once per upstream incident id, whatever
 * the number of polls); one that is gone from the summary, or says resolved,
 * is resolved and marks its draft so. Returns one line per thing done.
 */
export async function syncUpstreamIncidents(
  tx: Db,
  page: UpstreamPage,
  summary: UpstreamSummary,
  now: Date,
): Promise<string[]> {
  const lines: string[] = [];
  const open = summary.incidents.filter((i) => !RESOLVED.has(i.status));
  for (const incident of open) {
    const touched = touchedComponentIds(incident);
    await tx
      .insert(upstreamIncidents)
      .values({
        upstreamPageId: page.id,
        externalId: incident.id,
        name: incident.name,
        impact: incident.impact,
        componentExternalIds: touched,
        firstSeenAt: now,
      })
      .onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(upstreamIncidents)
      .where(
        and(
          eq(upstreamIncidents.upstreamPageId, page.id),
          eq(upstreamIncidents.externalId, incident.id),
        ),
      )
      .for("update");
    if (!row || row.draftId || row.resolvedAt || touched.length === 0) continue;
    const affected = await tx
      .select({
        componentId: components.id,
        componentName: components.name,
        upstreamStatus: upstreamComponents.status,
      })
      .from(upstreamDependencies)
      .innerJoin(
        upstreamComponents,
        eq(upstreamComponents.id, upstreamDependencies.upstreamComponentId),
      )
      .innerJoin(components, eq(components.id, upstreamDependencies.componentId))
      .where(
        and(
          eq(upstreamComponents.upstreamPageId, page.id),
          inArray(upstreamComponents.externalId, touched),
        ),
      );
    if (affected.length === 0) continue;
    const draft = await draftUpstreamNotice(
      tx,
      page,
      {
        externalId: incident.id,
        name: incident.name,
        impact: incident.impact,
        shortlink: incident.shortlink ?? null,
      },
      affected,
      now,
    );
    await tx
      .update(upstreamIncidents)
      .set({ draftId: draft.id, componentExternalIds: touched })
      .where(eq(upstreamIncidents.id, row.id));
    lines.push(
      `“${incident.name}”: drafted a notice for ${affected.map((a) => a.componentName).join(", ")}`,
    );
  }

  const stillOpen = new Set(open.map((i) => i.id));
  const stored = await tx
    .select()
    .from(upstreamIncidents)
    .where(
      and(eq(upstreamIncidents.upstreamPageId, page.id), isNull(upstreamIncidents.resolvedAt)),
    );
  for (const row of stored.filter((r) => !stillOpen.has(r.externalId))) {
    await tx
      .update(upstreamIncidents)
      .set({ resolvedAt: now })
      .where(eq(upstreamIncidents.id, row.id));
    lines.push(`“${row.name}”: resolved upstream`);
    if (!row.draftId) continue;
    const [marked] = await tx
      .update(incidentDrafts)
      .set({ alertsResolvedAt: now })
      .where(and(eq(incidentDrafts.id, row.draftId), isNull(incidentDrafts.alertsResolvedAt)))
      .returning({ id: incidentDrafts.id });
    if (marked)
      await recordAudit(tx, upstreamActor(page), {
        action: "incident_draft.upstream_resolved",
        targetType: "incident_draft",
        targetId: marked.id,
        after: { upstreamIncident: row.externalId },
      });
  }
  return lines;
}
