import type { Ctx } from "../context";
import { INCIDENT_STATES } from "../db/schema/enums";
import { HeraldError } from "../errors";
import { requireRole } from "../auth/authorize";
import { lockIncidentForUpdate } from "./lock-incident";
import { publishIncidentUpdateSchema } from "./schemas";
import { auditIncidentWrite, writeIncidentUpdate } from "./write-incident-update";

/**
 * Publishes an update to an open incident. The state may stay or move forward,
 * jumps included (investigating → monitoring); going back needs a reopen.
 * Publishing with state "resolved" resolves the incident like resolveIncident.
 */
export async function publishIncidentUpdate({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = publishIncidentUpdateSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { incidentId, expectedLatestUpdateId, rcaDueOn, ...data } = parsed.data;
  const result = await ctx.db.transaction(async (tx) => {
    const incident = await lockIncidentForUpdate(tx, incidentId, expectedLatestUpdateId);
    if (incident.state === "resolved") {
      throw new HeraldError(
        "conflict",
        "This incident is resolved. Reopen it to publish a new update.",
      );
    }
    if (INCIDENT_STATES.indexOf(data.state) < INCIDENT_STATES.indexOf(incident.state)) {
      throw new HeraldError("invalid", "An incident's state only moves forward.", {
        state: `The incident is already ${incident.state}.`,
      });
    }
    if (data.displayAt && data.displayAt < incident.startedAt) {
      throw new HeraldError("invalid", "Please correct the highlighted fields.", {
        displayAt: "An update cannot be dated before the incident started.",
      });
    }
    const resolving = data.state === "resolved";
    const written = await writeIncidentUpdate(tx, ctx.actor, incident, {
      ...data,
      displayAt: data.displayAt ?? new Date(),
      ...(resolving ? { rcaDueOn: rcaDueOn ?? null } : {}),
    });
    await auditIncidentWrite(
      tx,
      ctx.actor,
      resolving ? "incident.resolve" : "incident.update",
      written,
      incident,
    );
    return written;
  });
  return result;
}
