import { and, count, desc, eq, inArray, max } from "drizzle-orm";
import type { Ctx } from "../context";
import { deliveryCounts, devMailbox, notificationOutbox as outbox } from "../db/schema";
import { requireRole } from "../auth/authorize";
import { isChatChannel } from "../db/schema/enums";
import { redactHookUrl } from "../subscribers/chat-url";
import { notFound } from "../errors";

type Tally = {
  pending: number;
  sent: number;
  failed: number;
  skipped: number;
  total: number;
  /** Of the sent, how many the provider reported in the mailbox (Resend's email.delivered). */
  delivered: number;
};
export type DeliveryStatus = {
  subjectId: string;
  eventType: string;
  lastQueuedAt: Date;
  /** "email·public", "email·internal", "email·team", "webhook·public", "slack·public", "teams·internal"… */
  channels: (Tally & { channel: string; audience: string })[];
  failures: { recipient: string; channel: string; attempts: number; lastError: string | null }[];
  /** Who was skipped and why (left before delivery, suppressed after a bounce…), up to 100 per update. */
  skips: { recipient: string; channel: string; reason: string | null }[];
};

/**
 * Per update (or maintenance, postmortem…): recipients per channel and how many
 * are sent, pending ("sending" counts as pending) or failed, and who failed and why.
 */
export async function getDeliveryStatus({
  ctx,
  subjectIds,
}: {
  ctx: Ctx;
  subjectIds: string[];
}): Promise<DeliveryStatus[]> {
  requireRole(ctx.actor, "viewer");
  if (subjectIds.length === 0) return [];
  const [live, pruned, failures, skips] = await Promise.all([
    ctx.db
      .select({
        subjectId: outbox.subjectId,
        eventType: outbox.eventType,
        channel: outbox.channel,
        audience: outbox.audience,
        state: outbox.state,
        n: count(),
        delivered: count(outbox.deliveredAt),
        last: max(outbox.createdAt),
      })
      .from(outbox)
      .where(inArray(outbox.subjectId, subjectIds))
      .groupBy(outbox.subjectId, outbox.eventType, outbox.channel, outbox.audience, outbox.state),
    // Rows pruned after the retention period live on as counts.
    ctx.db
      .select({
        subjectId: deliveryCounts.subjectId,
        eventType: deliveryCounts.eventType,
        channel: deliveryCounts.channel,
        audience: deliveryCounts.audience,
        state: deliveryCounts.state,
        n: deliveryCounts.count,
        delivered: deliveryCounts.delivered,
        last: deliveryCounts.lastQueuedAt,
      })
      .from(deliveryCounts)
      .where(inArray(deliveryCounts.subjectId, subjectIds)),
    ctx.db
      .select({
        subjectId: outbox.subjectId,
        recipient: outbox.recipient,
        channel: outbox.channel,
        attempts: outbox.attempts,
        lastError: outbox.lastError,
      })
      .from(outbox)
      .where(and(inArray(outbox.subjectId, subjectIds), eq(outbox.state, "failed")))
      .limit(500),
    ctx.db
      .select({
        subjectId: outbox.subjectId,
        recipient: outbox.recipient,
        channel: outbox.channel,
        reason: outbox.lastError,
      })
      .from(outbox)
      .where(and(inArray(outbox.subjectId, subjectIds), eq(outbox.state, "skipped")))
      .orderBy(outbox.recipient)
      .limit(100 * subjectIds.length),
  ]);
  const groups = [...live, ...pruned];
  return subjectIds.flatMap((subjectId) => {
    const mine = groups.filter((g) => g.subjectId === subjectId);
    if (mine.length === 0) return [];
    const channels = new Map<string, Tally & { channel: string; audience: string }>();
    for (const g of mine) {
      const key = `${g.channel}·${g.audience}`;
      const tally = channels.get(key) ?? {
        channel: g.channel,
        audience: g.audience,
        pending: 0,
        sent: 0,
        failed: 0,
        skipped: 0,
        total: 0,
        delivered: 0,
      };
      const bucket = g.state === "sending" ? "pending" : g.state;
      tally[bucket] += g.n;
      tally.total += g.n;
      tally.delivered += g.delivered;
      channels.set(key, tally);
    }
    return [
      {
        subjectId,
        eventType: mine[0]!.eventType,
        lastQueuedAt: new Date(Math.max(...mine.map((g) => new Date(g.last!).getTime()))),
        channels: [...channels.values()],
        failures: failures.filter((f) => f.subjectId === subjectId).map(shortenHookUrl),
        skips: skips
          .filter((f) => f.subjectId === subjectId)
          .slice(0, 100)
          .map(shortenHookUrl),
      },
    ];
  });
}

/** A chat webhook URL is a credential: the console names it by where it points and its end. */
const shortenHookUrl = <T extends { channel: string; recipient: string }>(row: T): T =>
  isChatChannel(row.channel) ? { ...row, recipient: redactHookUrl(row.recipient)! } : row;

/** The most recently queued subjects, for the console's Outbox page. */
export async function listRecentDeliveries({ ctx, limit = 25 }: { ctx: Ctx; limit?: number }) {
  requireRole(ctx.actor, "viewer");
  const recent = await ctx.db
    .select({ subjectId: outbox.subjectId, last: max(outbox.createdAt) })
    .from(outbox)
    .groupBy(outbox.subjectId)
    .orderBy(desc(max(outbox.createdAt)))
    .limit(limit);
  return getDeliveryStatus({ ctx, subjectIds: recent.map((r) => r.subjectId) });
}

/**
 * The development mailbox (no mail transport configured). Editors and owners
 * only: it holds subscribers' confirmation links and internal stakeholder mail.
 */
export async function listDevMail({ ctx, limit = 50 }: { ctx: Ctx; limit?: number }) {
  requireRole(ctx.actor, "editor");
  return ctx.db
    .select({
      id: devMailbox.id,
      to: devMailbox.to,
      subject: devMailbox.subject,
      createdAt: devMailbox.createdAt,
    })
    .from(devMailbox)
    .orderBy(desc(devMailbox.createdAt))
    .limit(limit);
}

export async function getDevMail({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, "editor");
  const [mail] = await ctx.db.select().from(devMailbox).where(eq(devMailbox.id, id));
  if (!mail) throw notFound("Message");
  return mail;
}
