import type { Ctx } from "../context";
import { HeraldError } from "../errors";
import { requireRole } from "../auth/authorize";
import { publishIncidentUpdate } from "./publish-incident-update";
import { resolveIncidentSchema } from "./schemas";

/**
 * Resolves an incident: a final update that restores every affected component to
 * operational (with status events) and may promise "RCA by <date>".
 */
export async function resolveIncident({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.actor, "editor");
  const parsed = resolveIncidentSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  // The raw input is valid for the publish schema too, which re-parses it.
  return publishIncidentUpdate({
    ctx,
    input: { ...(input as object), state: "resolved", components: [] },
  });
}
