import { desc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { components, subscriberComponents, subscribers } from "../db/schema";
import { requireRole } from "../auth/authorize";
import { isChatChannel } from "../db/schema/enums";
import { redactHookUrl } from "./chat-url";

/**
 * The console's and the API's view: every public subscriber with the names and
 * ids of what it follows; secrets left out, chat webhook URLs shortened.
 */
export async function listSubscribers({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  const [rows, follows] = await Promise.all([
    ctx.db
      .select()
      .from(subscribers)
      .where(eq(subscribers.audience, "public"))
      .orderBy(desc(subscribers.createdAt)),
    ctx.db
      .select({
        subscriberId: subscriberComponents.subscriberId,
        componentId: components.id,
        name: components.name,
      })
      .from(subscriberComponents)
      .innerJoin(components, eq(components.id, subscriberComponents.componentId)),
  ]);
  return rows.map(({ webhookSecret: _secret, ...s }) => {
    const own = follows.filter((f) => f.subscriberId === s.id);
    return {
      ...s,
      webhookUrl: isChatChannel(s.kind) ? redactHookUrl(s.webhookUrl) : s.webhookUrl,
      componentIds: s.allComponents ? null : own.map((f) => f.componentId),
      componentNames: s.allComponents ? null : own.map((f) => f.name),
    };
  });
}
export type ListedSubscriber = Awaited<ReturnType<typeof listSubscribers>>[number];
