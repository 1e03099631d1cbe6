import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { incidentDrafts, type DraftComponent, type Integration } from "../../db/schema";
import { chosenCadenceMinutes } from "../../cadence/cadence-state";
import { worstStatus } from "../../components/status";
import { getPageSettings } from "../../settings/get-page-settings";
import type { NormalizedAlert } from "../normalized-alert";
import type { RuleDecision } from "../match-rules";
import { draftBody, severityForStatus } from "./draft-text";
import { recordAudit } from "../../audit/record-audit";
import { integrationActor } from "../integration-actor";

type NamedComponent = { id: string; name: string };

/**
 * The draft an alert belongs to: the open one of its group (alerts grouped by the
 * tool, on several components, make one incident), or a new one. A published
 * draft keeps collecting its group's alerts so their resolution can suggest "monitoring".
 */
export async function attachToDraft(
  tx: Db,
  integration: Integration,
  input: {
    groupKey: string;
    alert: NormalizedAlert;
    decision: RuleDecision;
    all: readonly NamedComponent[];
    now: Date;
  },
) {
  const { alert, decision, all, now } = input;
  const [open] = await tx
    .select()
    .from(incidentDrafts)
    .where(
      and(
        eq(incidentDrafts.integrationId, integration.id),
        eq(incidentDrafts.groupKey, input.groupKey),
        isNull(incidentDrafts.dismissedAt),
        isNull(incidentDrafts.alertsResolvedAt),
      ),
    )
    .for("update");
  const added: DraftComponent[] = decision.componentIds.map((componentId) => ({
    componentId,
    status: decision.status,
  }));
  if (open) {
    if (open.publishedIncidentId) return { draft: open, created: false };
    const merged = new Map(open.components.map((c) => [c.componentId, c.status]));
    for (const c of added)
      merged.set(c.componentId, worstStatus([c.status, merged.get(c.componentId) ?? c.status]));
    const components = [...merged].map(([componentId, status]) => ({ componentId, status }));
    const [updated] = await tx
      .update(incidentDrafts)
      .set({
        components,
        severity: severityForStatus(worstStatus(components.map((c) => c.status))),
      })
      .where(eq(incidentDrafts.id, open.id))
      .returning();
    return { draft: updated!, created: false };
  }
  const severity = severityForStatus(decision.status);
  const settings = await getPageSettings(tx);
  const names = decision.componentIds.map((id) => all.find((c) => c.id === id)?.name ?? id);
  const [draft] = await tx
    .insert(incidentDrafts)
    .values({
      integrationId: integration.id,
      groupKey: input.groupKey,
      title: alert.title,
      severity,
      components: added,
      body: draftBody({
        componentNames: names,
        summary: alert.summary ?? alert.title,
        cadenceMinutes: chosenCadenceMinutes(settings, severity, "default"),
      }),
      firstAlertAt: alert.startedAt && alert.startedAt < now ? alert.startedAt : now,
    })
    .returning();
  await recordAudit(tx, integrationActor(integration), {
    action: "incident_draft.create",
    targetType: "incident_draft",
    targetId: draft!.id,
    after: { title: draft!.title, severity: draft!.severity, components: draft!.components },
  });
  return { draft: draft!, created: true };
}
