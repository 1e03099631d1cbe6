import { desc, eq, inArray, ne } from "drizzle-orm";
import type { Ctx } from "../context";
import { incidents, incidentUpdates, type Incident } from "../db/schema";
import { requireRole } from "../auth/authorize";
import type { CadenceUpdate } from "../cadence/cadence-state";

export type IncidentWithCadence = Incident & { updates: CadenceUpdate[] };

/** Attaches the fields the cadence engine needs, in one query whatever the number of incidents. */
export async function withCadenceUpdates(
  ctx: Ctx,
  rows: Incident[],
): Promise<IncidentWithCadence[]> {
  if (rows.length === 0) return [];
  const updates = await ctx.db
    .select({
      id: incidentUpdates.id,
      incidentId: incidentUpdates.incidentId,
      displayAt: incidentUpdates.displayAt,
      createdAt: incidentUpdates.createdAt,
      nextUpdateBy: incidentUpdates.nextUpdateBy,
    })
    .from(incidentUpdates)
    .where(
      inArray(
        incidentUpdates.incidentId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({ ...r, updates: updates.filter((u) => u.incidentId === r.id) }));
}

/** The console's incident list: open incidents first (with cadence data), then the most recent resolved ones. */
export async function listIncidents({
  ctx,
  input = {},
}: {
  ctx: Ctx;
  input?: { resolvedLimit?: number };
}) {
  requireRole(ctx.actor, "viewer");
  const [open, resolved] = await Promise.all([
    ctx.db
      .select()
      .from(incidents)
      .where(ne(incidents.state, "resolved"))
      .orderBy(desc(incidents.startedAt)),
    ctx.db
      .select()
      .from(incidents)
      .where(eq(incidents.state, "resolved"))
      .orderBy(desc(incidents.resolvedAt))
      .limit(input.resolvedLimit ?? 50),
  ]);
  return { open: await withCadenceUpdates(ctx, open), resolved };
}
