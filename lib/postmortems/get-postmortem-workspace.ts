import { asc, desc, eq, isNotNull } from "drizzle-orm";
import type { Ctx } from "../context";
import {
  incidents,
  postmortemActionItems,
  postmortemRevisions,
  postmortems,
  users,
} from "../db/schema";
import { notFound } from "../errors";
import { isPublicId } from "../ids";
import { requireRole } from "../auth/authorize";
import { blamelessHints } from "./blameless-hints";

/** What the RCA editor shows: incident, draft, revisions, action items and blameless hints. */
export async function getPostmortemWorkspace({
  ctx,
  incidentId,
}: {
  ctx: Ctx;
  incidentId: string;
}) {
  requireRole(ctx.actor, "viewer");
  if (!isPublicId(incidentId)) throw notFound("Incident");
  const [incident] = await ctx.db.select().from(incidents).where(eq(incidents.id, incidentId));
  if (!incident) throw notFound("Incident");
  const [postmortem] = await ctx.db
    .select()
    .from(postmortems)
    .where(eq(postmortems.incidentId, incidentId));
  if (!postmortem)
    return {
      incident,
      postmortem: null,
      revisions: [],
      actionItems: [],
      hints: [],
      peopleNames: [],
    };
  const [revisions, actionItems, people] = await Promise.all([
    ctx.db
      .select()
      .from(postmortemRevisions)
      .where(eq(postmortemRevisions.postmortemId, postmortem.id))
      .orderBy(desc(postmortemRevisions.revision)),
    ctx.db
      .select()
      .from(postmortemActionItems)
      .where(eq(postmortemActionItems.postmortemId, postmortem.id))
      .orderBy(asc(postmortemActionItems.position)),
    ctx.db.select({ name: users.name }).from(users).where(isNotNull(users.name)),
  ]);
  // Team members' names are the names most likely to slip into an RCA.
  const peopleNames = people.map((p) => p.name!);
  const hints = blamelessHints(postmortem.sections, peopleNames);
  const hasUnpublishedChanges =
    JSON.stringify(revisions[0]?.sections ?? null) !== JSON.stringify(postmortem.sections);
  return {
    incident,
    postmortem,
    revisions,
    actionItems,
    hints,
    peopleNames,
    hasUnpublishedChanges,
  };
}
