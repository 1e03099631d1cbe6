import type { Ctx } from "../context";
import { HeraldError } from "../errors";
import { requireRole } from "../auth/authorize";
import { lockIncidentForUpdate } from "./lock-incident";
import { reopenIncidentSchema } from "./schemas";
import { auditIncidentWrite, writeIncidentUpdate } from "./write-incident-update";

/**
 * Reopens a resolved incident with an update marked `reopened`, so the timeline
 * shows it came back rather than silently changing state. The cadence restarts.
 */
export async function reopenIncident({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = reopenIncidentSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { incidentId, expectedLatestUpdateId, ...data } = parsed.data;
  const result = await ctx.db.transaction(async (tx) => {
    const incident = await lockIncidentForUpdate(tx, incidentId, expectedLatestUpdateId);
    if (incident.state !== "resolved")
      throw new HeraldError("conflict", "This incident is still open; publish an update instead.");
    const written = await writeIncidentUpdate(tx, ctx.actor, incident, {
      ...data,
      displayAt: new Date(),
      reopened: true,
    });
    await auditIncidentWrite(tx, ctx.actor, "incident.reopen", written, incident);
    return written;
  });
  return result;
}
