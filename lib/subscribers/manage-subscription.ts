import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import type { Db } from "../db/client";
import { components, notificationOutbox, subscriberComponents, subscribers } from "../db/schema";
import { HeraldError } from "../errors";
import { isChatChannel } from "../db/schema/enums";
import { CHAT_LABELS } from "../channels/chat-message";
import { linkTokenSchema, preferencesSchema } from "./schemas";
import { linkSecret, verifyLinkToken, type LinkPurpose } from "./tokens";

const INVALID =
  "This link is not valid or has expired. Use the link in a more recent email, or subscribe again.";
export const RESUBSCRIBE =
  "This address unsubscribed. To get updates again, subscribe again and confirm the link we email you.";

async function subscriberForToken(db: Db, token: string, purpose: LinkPurpose, now: Date) {
  const id = verifyLinkToken(await linkSecret(db), token, purpose, now);
  const [subscriber] = id
    ? await db
        .select()
        .from(subscribers)
        .where(
          and(
            eq(subscribers.id, id),
            // Preferences are managed from email links; a chat channel's messages carry only its unsubscribe link.
            purpose === "unsubscribe"
              ? eq(subscribers.audience, "public")
              : eq(subscribers.kind, "email"),
          ),
        )
    : [];
  if (!subscriber) throw new HeraldError("invalid", INVALID);
  return subscriber;
}

/** What the manage page shows: the address, whether it is subscribed, and to what. */
export async function getSubscription({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: Ctx;
  input: unknown;
  now?: Date;
}) {
  const parsed = linkTokenSchema.safeParse(input);
  if (!parsed.success) throw new HeraldError("invalid", INVALID);
  const subscriber = await subscriberForToken(ctx.db, parsed.data.token, "manage", now);
  // An old manage link shows that the address left, and nothing else: it changes nothing.
  if (subscriber.state !== "active")
    return { email: subscriber.email!, active: false, allComponents: true, componentIds: [] };
  const chosen = await ctx.db
    .select({ id: subscriberComponents.componentId })
    .from(subscriberComponents)
    .where(eq(subscriberComponents.subscriberId, subscriber.id));
  return {
    email: subscriber.email!,
    active: subscriber.state === "active",
    allComponents: subscriber.allComponents,
    componentIds: chosen.map((c) => c.id),
  };
}

/**
 * Saves the component choice of an active subscriber. An address that
 * unsubscribed (one click, possibly by a mail scanner or someone else) comes
 * back only through a new double opt-in: an old manage link cannot re-activate it.
 */
export async function updateSubscriptionPreferences({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: Ctx;
  input: unknown;
  now?: Date;
}) {
  const parsed = preferencesSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const { token, scope, componentIds } = parsed.data;
  const subscriber = await subscriberForToken(ctx.db, token, "manage", now);
  if (subscriber.state !== "active") throw new HeraldError("invalid", RESUBSCRIBE);
  const chosen = scope === "all" ? [] : [...new Set(componentIds)];
  const visible = new Set(
    (
      await ctx.db
        .select({ id: components.id })
        .from(components)
        .where(eq(components.visible, true))
    ).map((c) => c.id),
  );
  if (chosen.some((id) => !visible.has(id)))
    throw new HeraldError("invalid", "A chosen component no longer exists. Reload and try again.", {
      componentIds: "Unknown component.",
    });
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(subscribers)
      .set({ allComponents: scope === "all" })
      // Unsubscribing at the same moment wins: the row must still be active.
      .where(and(eq(subscribers.id, subscriber.id), eq(subscribers.state, "active")));
    await tx
      .delete(subscriberComponents)
      .where(eq(subscriberComponents.subscriberId, subscriber.id));
    if (chosen.length)
      await tx
        .insert(subscriberComponents)
        .values(chosen.map((componentId) => ({ subscriberId: subscriber.id, componentId })));
  });
  return {
    message:
      scope === "all"
        ? "Saved: you will hear about every component."
        : `Saved: you will hear about ${chosen.length} component${chosen.length === 1 ? "" : "s"}.`,
  };
}

/**
 * One-click unsubscribe (RFC 8058) and the visible link both land here. Safe to
 * repeat. Anything still queued for this address is dropped.
 */
export async function unsubscribe({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: Ctx;
  input: unknown;
  now?: Date;
}) {
  const parsed = linkTokenSchema.safeParse(input);
  if (!parsed.success) throw new HeraldError("invalid", INVALID);
  const subscriber = await subscriberForToken(ctx.db, parsed.data.token, "unsubscribe", now);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(subscribers)
      .set({ state: "unsubscribed", unsubscribedAt: subscriber.unsubscribedAt ?? now })
      .where(eq(subscribers.id, subscriber.id));
    await tx
      .update(notificationOutbox)
      .set({ state: "skipped", lastError: "Unsubscribed before delivery." })
      .where(
        and(
          eq(notificationOutbox.subscriberId, subscriber.id),
          eq(notificationOutbox.state, "pending"),
        ),
      );
  });
  return { who: whoIsSubscribed(subscriber) };
}

/** How the confirmation names what was unsubscribed: an address, a number or a chat channel. */
function whoIsSubscribed(s: { kind: string; email: string | null; phone?: string | null }) {
  if (s.email) return s.email;
  if (s.phone) return s.phone;
  return isChatChannel(s.kind) ? `This ${CHAT_LABELS[s.kind]} channel` : "This subscription";
}
