import type { Ctx } from "../context";
import { actorUserId } from "../context";
import { incidents } from "../db/schema";
import { HeraldError } from "../errors";
import { requireRole } from "../auth/authorize";
import { chosenCadenceMinutes } from "../cadence/cadence-state";
import { getPageSettings } from "../settings/get-page-settings";
import { declareIncidentSchema } from "./schemas";
import { IMPACT_BY_SEVERITY } from "./severity";
import { auditIncidentWrite, writeIncidentUpdate } from "./write-incident-update";

/**
 * Opens an incident with its first public update. The declaring editor becomes
 * the comms lead (the one reminded when an update is due). A backfilled start
 * time dates the component outages; the first update is published now.
 */
export async function declareIncident({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = declareIncidentSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const data = parsed.data;
  const now = new Date();
  const startedAt = data.startedAt ?? now;
  const result = await ctx.db.transaction(async (tx) => {
    const settings = await getPageSettings(tx);
    const cadenceMinutes = chosenCadenceMinutes(settings, data.severity, data.cadence);
    const [incident] = await tx
      .insert(incidents)
      .values({
        title: data.title,
        severity: data.severity,
        impact: data.impact ?? IMPACT_BY_SEVERITY[data.severity],
        impactOverridden: data.impact !== null && data.impact !== IMPACT_BY_SEVERITY[data.severity],
        state: data.state,
        cadenceMinutes,
        commsLeadId: actorUserId(ctx.actor),
        createdBy: actorUserId(ctx.actor),
        startedAt,
      })
      .returning();
    const written = await writeIncidentUpdate(tx, ctx.actor, incident!, {
      ...data,
      displayAt: now,
      changesAt: startedAt,
    });
    await auditIncidentWrite(tx, ctx.actor, "incident.declare", written);
    return written;
  });
  return result;
}
