import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { subscribers, subscriberTokens } from "../db/schema";
import { HeraldError } from "../errors";
import type { ChatChannel } from "../db/schema/enums";
import { CHAT_LABELS } from "../channels/chat-message";
import { linkTokenSchema } from "./schemas";
import { hashToken, linkSecret, signLinkToken } from "./tokens";

const EXPIRED =
  "This confirmation link has expired or is not valid. Subscribe again to get a new one.";

/**
 * The second half of double opt-in. Single use; a second click on a link that
 * already worked just shows the subscription as confirmed. Returns a manage
 * token so the page can offer "change what you receive" straight away.
 */
export async function confirmSubscription({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: Ctx;
  input: unknown;
  now?: Date;
}) {
  const parsed = linkTokenSchema.safeParse(input);
  if (!parsed.success) throw new HeraldError("invalid", EXPIRED);
  const tokenHash = hashToken(parsed.data.token);
  const subscriber = await ctx.db.transaction(async (tx) => {
    const [token] = await tx
      .select()
      .from(subscriberTokens)
      .where(eq(subscriberTokens.tokenHash, tokenHash))
      .for("update");
    if (!token || token.purpose !== "confirm" || token.expiresAt < now)
      throw new HeraldError("invalid", EXPIRED);
    const [current] = await tx
      .select()
      .from(subscribers)
      .where(eq(subscribers.id, token.subscriberId));
    if (token.usedAt) {
      if (current?.state === "active") return current;
      throw new HeraldError("invalid", EXPIRED);
    }
    await tx
      .update(subscriberTokens)
      .set({ usedAt: now })
      .where(eq(subscriberTokens.tokenHash, tokenHash));
    const [row] = await tx
      .update(subscribers)
      .set({ state: "active", confirmedAt: now, unsubscribedAt: null })
      .where(eq(subscribers.id, token.subscriberId))
      .returning();
    return row!;
  });
  return {
    /** What was subscribed, in words: the address, or "this Slack channel". */
    email:
      subscriber.email ?? `this ${CHAT_LABELS[subscriber.kind as ChatChannel] ?? "chat"} channel`,
    kind: subscriber.kind,
    // Preferences are managed from links in emails; a chat channel is changed in the console.
    manageToken:
      subscriber.kind === "email"
        ? signLinkToken(await linkSecret(ctx.db), subscriber.id, "manage", now)
        : undefined,
  };
}
