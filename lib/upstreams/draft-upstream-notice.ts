import type { Db } from "../db/client";
import { incidentDrafts, type DraftComponent, type UpstreamPage } from "../db/schema";
import type { ComponentStatus } from "../db/schema/enums";
import { chosenCadenceMinutes } from "../cadence/cadence-state";
import { worstStatus } from "../components/status";
import { recordAudit } from "../audit/record-audit";
import { getPageSettings } from "../settings/get-page-settings";
import { draftBody, severityForStatus } from "../inbound/drafts/draft-text";
import { upstreamActor, upstreamDisplayName } from "./upstream-names";

/** What an upstream incident's impact suggests for the components that depend on it. */
const STATUS_FOR_IMPACT: Record<string, ComponentStatus> = {
  critical: "major_outage",
  major: "partial_outage",
};

export type AffectedDependency = {
  componentId: string;
  componentName: string;
  upstreamStatus: ComponentStatus;
};

/**
 * A draft notice for the comms lead (never public until a person publishes it)
 * about an upstream incident that touches components ours depend on. The
 * suggested status is the upstream component's own when it is down, else one
 * from the incident's impact; the comms lead decides what customers read.
 */
export async function draftUpstreamNotice(
  tx: Db,
  page: UpstreamPage,
  incident: { externalId: string; name: string; impact: string; shortlink: string | null },
  affected: readonly AffectedDependency[],
  now: Date,
) {
  const fromImpact = STATUS_FOR_IMPACT[incident.impact] ?? "degraded_performance";
  const byComponent = new Map<string, ComponentStatus>();
  for (const a of affected) {
    const suggested = a.upstreamStatus === "operational" ? fromImpact : a.upstreamStatus;
    byComponent.set(
      a.componentId,
      worstStatus([suggested, byComponent.get(a.componentId) ?? suggested]),
    );
  }
  const components: DraftComponent[] = [...byComponent].map(([componentId, status]) => ({
    componentId,
    status,
  }));
  const severity = severityForStatus(worstStatus(components.map((c) => c.status)));
  const settings = await getPageSettings(tx);
  const source = upstreamDisplayName(page);
  const names = [...new Set(affected.map((a) => a.componentName))];
  const link =
    incident.shortlink && /^https?:\/\/\S+$/.test(incident.shortlink) ? incident.shortlink : null;
  const [draft] = await tx
    .insert(incidentDrafts)
    .values({
      upstreamPageId: page.id,
      groupKey: `upstream:${incident.externalId}`,
      title: `${source}: ${incident.name}`.slice(0, 200),
      severity,
      components,
      body: draftBody({
        componentNames: names,
        // The provider's incident name and a link to their notice, not their text: it is written
        // for their customers (often in this same structured format) and pasted inside ours would
        // read as our words.
        summary: `our provider ${source} reports “${incident.name}”${link ? ` (${link})` : ""}`,
        cadenceMinutes: chosenCadenceMinutes(settings, severity, "default"),
      }),
      firstAlertAt: now,
    })
    .returning();
  await recordAudit(tx, upstreamActor(page), {
    action: "incident_draft.create",
    targetType: "incident_draft",
    targetId: draft!.id,
    after: { title: draft!.title, severity, components, upstreamIncident: incident.externalId },
  });
  return draft!;
}
