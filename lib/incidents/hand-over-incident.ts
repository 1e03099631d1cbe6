import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { incidents, users } from "../db/schema";
import { HeraldError } from "../errors";
import { requireRole } from "../auth/authorize";
import { lockIncidentForUpdate } from "./lock-incident";
import { recordIncidentChange } from "./record-incident-change";
import { handOverIncidentSchema } from "./schemas";

/**
 * Makes another editor the incident's comms lead. Cadence reminders go to the
 * current lead, so they follow the new one from the next reminder on; the
 * handoff is on the timeline and in the audit log. Console only: not public.
 */
export async function handOverIncident({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = handOverIncidentSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { incidentId, commsLeadId } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const before = await lockIncidentForUpdate(tx, incidentId, undefined);
    const [lead] = await tx
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(eq(users.id, commsLeadId));
    if (!lead || lead.role === "viewer")
      throw new HeraldError("invalid", "Please correct the highlighted fields.", {
        commsLeadId: "The comms lead must be an editor or owner.",
      });
    if (before.commsLeadId === lead.id)
      throw new HeraldError("invalid", "Please correct the highlighted fields.", {
        commsLeadId: `${lead.email} is already the comms lead.`,
      });
    const [previous] = before.commsLeadId
      ? await tx.select({ email: users.email }).from(users).where(eq(users.id, before.commsLeadId))
      : [];
    const [after] = await tx
      .update(incidents)
      .set({ commsLeadId: lead.id })
      .where(eq(incidents.id, incidentId))
      .returning();
    await recordIncidentChange(tx, ctx.actor, {
      incident: after!,
      kind: "handoff",
      changes: [{ field: "comms lead", from: previous?.email ?? null, to: lead.email }],
      audit: { action: "incident.handoff", before },
    });
    return { incident: after!, lead };
  });
}
