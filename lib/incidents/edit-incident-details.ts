import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import {
  components,
  incidentComponents,
  incidents,
  type ComponentStatus,
  type Incident,
  type IncidentFieldChange,
} from "../db/schema";
import { HeraldError } from "../errors";
import { requireRole } from "../auth/authorize";
import { chosenCadenceMinutes } from "../cadence/cadence-state";
import { changeComponentStatuses } from "../components/change-component-status";
import { STATUS_LABELS } from "../components/status";
import { getPageSettings } from "../settings/get-page-settings";
import { invalidatePublicCache } from "../public/public-cache";
import { recordIncidentChange } from "./record-incident-change";
import { lockIncidentForUpdate } from "./lock-incident";
import { editIncidentDetailsSchema } from "./schemas";
import { IMPACT_BY_SEVERITY } from "./severity";

const cadenceText = (minutes: number | null) => (minutes === null ? "none" : `${minutes} min`);

/**
 * Corrects an open incident without publishing an update: title, severity,
 * impact (derived from severity unless chosen), cadence (from the next update
 * on: the time already promised stays), and which components are affected.
 * A component taken off the incident goes back to operational. Every change is
 * audited and listed on the timeline; a new title also shows in the public history.
 */
export async function editIncidentDetails({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = editIncidentDetailsSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const data = parsed.data;
  const result = await ctx.db.transaction(async (tx) => {
    const before = await lockIncidentForUpdate(tx, data.incidentId, undefined);
    if (before.state === "resolved")
      throw new HeraldError("conflict", "This incident is resolved; reopen it to change it.");
    const settings = await getPageSettings(tx);
    const cadenceMinutes = chosenCadenceMinutes(settings, data.severity, data.cadence);
    const impact = data.impact ?? IMPACT_BY_SEVERITY[data.severity];
    const next = {
      title: data.title,
      severity: data.severity,
      impact,
      impactOverridden: impact !== IMPACT_BY_SEVERITY[data.severity],
      cadenceMinutes,
    };
    const changes: IncidentFieldChange[] = [];
    const compare = (field: string, from: string | null, to: string | null) => {
      if (from !== to) changes.push({ field, from, to });
    };
    compare("title", before.title, next.title);
    compare("severity", before.severity, next.severity);
    compare("impact", before.impact, next.impact);
    compare("cadence", cadenceText(before.cadenceMinutes), cadenceText(next.cadenceMinutes));
    changes.push(...(await correctComponents(tx, ctx, before, data.components)));
    if (changes.length === 0)
      throw new HeraldError("invalid", "Nothing was changed.", { _form: "Nothing was changed." });
    const [after] = await tx
      .update(incidents)
      .set(next)
      .where(eq(incidents.id, before.id))
      .returning();
    await recordIncidentChange(tx, ctx.actor, {
      incident: after!,
      kind: "details",
      changes,
      audit: { action: "incident.edit", before },
    });
    return { incident: after!, changes };
  });
  invalidatePublicCache();
  return result;
}

/** Sets each named component's status on the incident, or takes it off ("" = not affected). */
async function correctComponents(
  tx: Ctx["db"],
  ctx: Ctx,
  incident: Incident,
  choices: readonly { componentId: string; status: ComponentStatus | "" }[],
): Promise<IncidentFieldChange[]> {
  if (choices.length === 0) return [];
  const requests = choices.map((c) => ({
    componentId: c.componentId,
    status: c.status === "" ? ("operational" as const) : c.status,
  }));
  const applied = await changeComponentStatuses(tx, ctx.actor, requests, {
    cause: "incident",
    incidentId: incident.id,
    at: new Date(),
  });
  const names = new Map(
    (
      await tx
        .select({ id: components.id, name: components.name })
        .from(components)
        .where(
          inArray(
            components.id,
            choices.map((c) => c.componentId),
          ),
        )
    ).map((c) => [c.id, c.name]),
  );
  const described: IncidentFieldChange[] = [];
  for (const choice of choices) {
    const where = and(
      eq(incidentComponents.incidentId, incident.id),
      eq(incidentComponents.componentId, choice.componentId),
    );
    const [was] = await tx.select().from(incidentComponents).where(where);
    const change = applied.find((a) => a.componentId === choice.componentId);
    const name = names.get(choice.componentId) ?? "Component";
    if (choice.status === "") {
      if (!was) continue;
      await tx.delete(incidentComponents).where(where);
      described.push({
        field: "component",
        from: `${name}: affected`,
        to: `${name}: not affected`,
      });
      continue;
    }
    // A correction sets the status outright (unlike an update, which keeps the worst reached).
    await tx
      .insert(incidentComponents)
      .values({ incidentId: incident.id, componentId: choice.componentId, status: choice.status })
      .onConflictDoUpdate({
        target: [incidentComponents.incidentId, incidentComponents.componentId],
        set: { status: choice.status },
      });
    if (!was || change)
      described.push({
        field: "component",
        from: was && change ? `${name}: ${STATUS_LABELS[change.oldStatus]}` : null,
        to: `${name}: ${STATUS_LABELS[choice.status]}`,
      });
  }
  return described;
}
