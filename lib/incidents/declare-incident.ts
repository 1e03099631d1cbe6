import type { z } from "zod";
import type { Actor, Ctx } from "../context";
import { actorUserId } from "../context";
import type { Db } from "../db/client";
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
  return ctx.db.transaction((tx) => declareIncidentIn(tx, ctx.actor, parsed.data));
}

/** The declaring write inside the caller's transaction (publishing a draft shares it). */
export async function declareIncidentIn(
  tx: Db,
  actor: Actor,
  data: z.output<typeof declareIncidentSchema>,
) {
  const now = new Date();
  const startedAt = data.startedAt ?? now;
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
      commsLeadId: actorUserId(actor),
      createdBy: actorUserId(actor),
      startedAt,
    })
    .returning();
  const written = await writeIncidentUpdate(tx, actor, incident!, {
    ...data,
    displayAt: now,
    changesAt: startedAt,
  });
  await auditIncidentWrite(tx, actor, "incident.declare", written);
  return written;
}
