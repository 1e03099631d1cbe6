import { desc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { components, subscriberComponents, subscribers } from "../db/schema";
import { requireRole } from "../auth/authorize";

/** The console's view: every subscriber with the names of what it follows; secrets left out. */
export async function listSubscribers({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  const [rows, follows] = await Promise.all([
    ctx.db.select().from(subscribers).orderBy(desc(subscribers.createdAt)),
    ctx.db
      .select({ subscriberId: subscriberComponents.subscriberId, name: components.name })
      .from(subscriberComponents)
      .innerJoin(components, eq(components.id, subscriberComponents.componentId)),
  ]);
  return rows.map(({ webhookSecret: _secret, ...s }) => ({
    ...s,
    componentNames: s.allComponents
      ? null
      : follows.filter((f) => f.subscriberId === s.id).map((f) => f.name),
  }));
}
export type ListedSubscriber = Awaited<ReturnType<typeof listSubscribers>>[number];
