import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { incidentComponents, postmortems } from "../db/schema";
import { notFound } from "../errors";
import { enqueueForSubscribers, MESSAGE_CHANNELS } from "./fan-out";

/**
 * Call inside the transaction that publishes a postmortem. Keyed by revision:
 * the lead decides whether a revision is news (call again with the new number)
 * or a quiet fix (do not call).
 */
export async function enqueuePostmortemNotifications(
  tx: Db,
  { postmortemId, revision }: { postmortemId: string; revision: number },
): Promise<void> {
  const [postmortem] = await tx.select().from(postmortems).where(eq(postmortems.id, postmortemId));
  if (!postmortem) throw notFound("Postmortem");
  const affected = await tx
    .select({ id: incidentComponents.componentId })
    .from(incidentComponents)
    .where(eq(incidentComponents.incidentId, postmortem.incidentId));
  await enqueueForSubscribers(
    tx,
    {
      subjectId: postmortemId,
      key: `postmortem:${postmortemId}:r${revision}`,
      payload: { eventType: "postmortem.published", incidentId: postmortem.incidentId, revision },
    },
    { componentIds: affected.map((a) => a.id), channels: MESSAGE_CHANNELS },
  );
}
