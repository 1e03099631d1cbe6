import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { CHAT_CHANNELS, subscriberComponents, subscribers, type Subscriber } from "../db/schema";
import { HeraldError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/authorize";
import { safeString } from "../validation/safe-string";
import { newWebhookSecret } from "../webhooks/signature";
import { hookUrlSchema, redactHookUrl } from "./chat-url";
import { knownComponents } from "./known-components";
import { queueConfirmation } from "./queue-confirmation";
import { smsConfigured } from "../config";
import { phoneSchema } from "../sms/phone";
import { queueSmsCode } from "./subscribe-by-sms";

export const SUBSCRIBER_TYPES = ["email", "webhook", ...CHAT_CHANNELS, "sms"] as const;

const common = {
  /** Component ids to follow; absent or empty follows everything. */
  components: z.array(safeString()).max(500, "At most 500 components.").optional(),
  /** Owners and editors may add a subscriber who already agreed elsewhere: active at once. */
  skip_confirmation: z.boolean({ error: "skip_confirmation must be true or false." }).optional(),
};
const email = safeString({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(254));

/** The body of POST /api/v1/subscribers, and what the console's forms send. */
export const addSubscriberSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("email"), email, ...common }),
    z.object({ type: z.literal("webhook"), url: hookUrlSchema, ...common }),
    z.object({ type: z.literal([...CHAT_CHANNELS]), url: hookUrlSchema, ...common }),
    z.object({
      type: z.literal("sms"),
      phone: phoneSchema,
      /** "changes" (default): when an incident starts, changes state or resolves; "all": every update. */
      sms_updates: z.enum(["changes", "all"]).default("changes"),
      ...common,
    }),
  ],
  { error: `Choose a type: ${SUBSCRIBER_TYPES.join(", ")}.` },
);

/**
 * Owners and editors add a subscriber of any type. Email and chat wait for
 * their confirmation (an email, or a message posted to the channel, with an
 * activation link) unless `skip_confirmation`; a signed webhook is active at
 * once and its secret is returned only here. SMS is refused until Twilio is
 * configured.
 */
export async function addSubscriber({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: Ctx;
  input: unknown;
  now?: Date;
}): Promise<{ subscriber: Subscriber & { componentIds: string[] | null }; secret: string | null }> {
  requireRole(ctx.actor, "editor");
  // Before the number is checked: without Twilio no number is worth correcting.
  if ((input as { type?: unknown } | null)?.type === "sms" && !smsConfigured())
    throw new HeraldError(
      "invalid",
      "SMS is not configured: this Herald has no Twilio account (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM).",
      { type: "SMS is not configured." },
    );
  const parsed = addSubscriberSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  const data = parsed.data;
  const componentIds = await knownComponents(ctx.db, data.components ?? [], {
    field: "components",
    visibleOnly: false,
  });
  const active = data.type === "webhook" || data.skip_confirmation === true;
  const secret = data.type === "webhook" ? newWebhookSecret() : null;
  const address =
    data.type === "email"
      ? { email: data.email }
      : data.type === "sms"
        ? { phone: data.phone, smsAllUpdates: data.sms_updates === "all" }
        : { webhookUrl: data.url };
  const field = data.type === "email" ? "email" : data.type === "sms" ? "phone" : "url";

  const subscriber = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: subscribers.id })
      .from(subscribers)
      .where(
        and(
          eq(subscribers.kind, data.type),
          data.type === "email"
            ? eq(subscribers.email, data.email)
            : data.type === "sms"
              ? eq(subscribers.phone, data.phone)
              : eq(subscribers.webhookUrl, data.url),
          eq(subscribers.audience, "public"),
          ne(subscribers.state, "unsubscribed"),
        ),
      );
    if (existing)
      throw new HeraldError("conflict", "This subscriber already exists.", {
        [field]: `Already subscribed (${existing.id}).`,
      });
    // An email address is unique across states: an earlier unsubscribed one is reused.
    if (data.type === "email")
      await tx.delete(subscribers).where(eq(subscribers.email, data.email));
    // So is a number (per audience): an earlier one that replied STOP is replaced.
    if (data.type === "sms")
      await tx
        .delete(subscribers)
        .where(and(eq(subscribers.phone, data.phone), eq(subscribers.audience, "public")));
    const [row] = await tx
      .insert(subscribers)
      .values({
        kind: data.type,
        ...address,
        webhookSecret: secret,
        state: active ? "active" : "pending",
        allComponents: componentIds.length === 0,
        confirmedAt: active ? now : null,
      })
      .returning();
    if (componentIds.length)
      await tx
        .insert(subscriberComponents)
        .values(componentIds.map((componentId) => ({ subscriberId: row!.id, componentId })));
    if (!active && data.type === "sms")
      await queueSmsCode(tx, { subscriberId: row!.id, phone: data.phone, now });
    else if (!active && data.type !== "sms")
      await queueConfirmation(tx, {
        subscriberId: row!.id,
        channel: data.type,
        recipient: data.type === "email" ? data.email : data.url,
        componentIds: componentIds.length ? componentIds : null,
        now,
      });
    await recordAudit(tx, ctx.actor, {
      action: "subscriber.add",
      targetType: "subscriber",
      targetId: row!.id,
      after: {
        type: data.type,
        ...(data.type === "email" || data.type === "sms"
          ? address
          : { url: redactHookUrl(data.url) }),
        componentIds,
        skipConfirmation: active,
      },
    });
    return row!;
  });
  return {
    subscriber: { ...subscriber, componentIds: componentIds.length ? componentIds : null },
    secret,
  };
}
