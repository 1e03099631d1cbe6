import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { KnownBlock, WebClient } from "@slack/web-api";
import type { Db } from "../db/client";
import {
  incidentUpdates,
  notificationOutbox as outbox,
  slackThreads,
  type OutboxRow,
} from "../db/schema";
import { markSent } from "../worker/record-outcome";
import type { SlackContent, SlackThreadMessage } from "./thread-message";

/** Metadata Herald attaches to its messages, so a retry can find what a crashed attempt already posted. */
const ROOT_EVENT = "herald_incident_root";
const REPLY_EVENT = "herald_incident_update";
/** How long a row waits while another row of the same incident is posting the root. */
export const ROOT_IN_FLIGHT_WAIT_MS = 2_000;

export type ThreadOutcome = { sent: true } | { sent: false; waitMs: number; reason: string };

const post = (content: SlackContent) => ({
  text: content.text,
  blocks: content.blocks as KnownBlock[],
  unfurl_links: false,
  unfurl_media: false,
});

/**
 * Delivers one outbox row to a Slack app channel: the incident's first message
 * there posts the root (chat.postMessage); every later one replies in its
 * thread (`thread_ts`) and edits the root to the incident's current state
 * (chat.update). The root's ts is recorded in the same transaction as the
 * row's outcome, so a retry never posts a second root. Slack errors are thrown
 * as the WebClient raised them (the caller classifies them).
 *
 * Crash between Slack accepting and Herald recording: the row is retried
 * (attempts > 1), and before posting again it looks for its own message by its
 * metadata (conversations.history for a root, conversations.replies for a
 * reply). If the bot cannot read history (no channels:history scope), it
 * posts again: at most the one message in flight is doubled, as the outbox
 * documents for every channel.
 */
export async function deliverThreadMessage({
  db,
  client,
  row,
  message,
  now,
}: {
  db: Db;
  client: WebClient;
  row: OutboxRow;
  message: SlackThreadMessage;
  now: () => Date;
}): Promise<ThreadOutcome> {
  const thread = await claimRoot(db, row, message);
  if (!thread.rootTs && thread.rootRowId !== row.id)
    return {
      sent: false,
      waitMs: ROOT_IN_FLIGHT_WAIT_MS,
      reason: "Waiting for this incident's first Slack message to be posted.",
    };
  const retry = row.attempts > 1 || thread.tookOver;
  let rootTs = thread.rootTs;
  if (!rootTs) {
    rootTs = (retry ? await findRoot(client, message) : null) ?? (await postRoot(client, message));
    const isFirst = message.isFirstUpdate;
    await db.transaction(async (tx) => {
      await tx.update(slackThreads).set({ rootTs }).where(threadOf(message));
      // The incident's first update is the root itself: delivered with it, in one commit.
      if (isFirst) await markSent(tx, row, now());
    });
    if (isFirst) return { sent: true };
  }
  const replied = retry && (await findReply(client, message.channelId, rootTs, row));
  if (!replied)
    await client.chat.postMessage({
      channel: message.channelId,
      thread_ts: rootTs,
      ...post(message.reply),
      metadata: { event_type: REPLY_EVENT, event_payload: { delivery_id: row.idempotencyKey } },
    });
  // The reply reached the channel; an edit refused now is made good by the next update's edit.
  await client.chat
    .update({ channel: message.channelId, ts: rootTs, ...post(message.root) })
    .catch(() => undefined);
  await markSent(db, row, now());
  return { sent: true };
}

const threadOf = (m: SlackThreadMessage) =>
  and(eq(slackThreads.subscriberId, m.subscriberId), eq(slackThreads.incidentId, m.incidentId));

/**
 * The thread's record, created by the first row to reach it (which then owns
 * posting the root). A row whose owner ended without posting (failed, skipped)
 * takes the root over; one whose owner is still queued or in flight waits.
 */
async function claimRoot(db: Db, row: OutboxRow, m: SlackThreadMessage) {
  const [known] = await db.select().from(slackThreads).where(threadOf(m));
  if (known?.rootTs) return { ...known, tookOver: false };
  if (!known) await createThread(db, row, m);
  return ownerOf(db, row, m);
}

async function createThread(db: Db, row: OutboxRow, m: SlackThreadMessage) {
  // The incident's earliest queued row for this channel owns the root, whichever worker gets here
  // first: two workers holding its first and second update still thread them in order.
  const [earliest] = await db
    .select({ id: outbox.id })
    .from(outbox)
    .innerJoin(incidentUpdates, eq(incidentUpdates.id, outbox.subjectId))
    .where(
      and(
        eq(outbox.subscriberId, m.subscriberId),
        eq(outbox.channel, "slack_app"),
        eq(incidentUpdates.incidentId, m.incidentId),
        inArray(outbox.state, ["pending", "sending"]),
      ),
    )
    // The updates' order, not the rows': two fan-outs expanded side by side may be queued either way.
    .orderBy(asc(incidentUpdates.createdAt), asc(incidentUpdates.id))
    .limit(1);
  await db
    .insert(slackThreads)
    .values({
      subscriberId: m.subscriberId,
      incidentId: m.incidentId,
      channelId: m.channelId,
      rootRowId: earliest?.id ?? row.id,
    })
    .onConflictDoNothing();
}

async function ownerOf(db: Db, row: OutboxRow, m: SlackThreadMessage) {
  const [thread] = await db.select().from(slackThreads).where(threadOf(m));
  if (thread!.rootTs || thread!.rootRowId === row.id) return { ...thread!, tookOver: false };
  const [owner] = await db
    .select({ state: outbox.state })
    .from(outbox)
    .where(eq(outbox.id, thread!.rootRowId));
  if (owner && (owner.state === "pending" || owner.state === "sending"))
    return { ...thread!, tookOver: false };
  const [taken] = await db
    .update(slackThreads)
    .set({ rootRowId: row.id })
    .where(
      and(threadOf(m), eq(slackThreads.rootRowId, thread!.rootRowId), isNull(slackThreads.rootTs)),
    )
    .returning();
  return taken ? { ...taken, tookOver: true } : { ...thread!, tookOver: false };
}

async function postRoot(client: WebClient, m: SlackThreadMessage): Promise<string> {
  const answer = await client.chat.postMessage({
    channel: m.channelId,
    ...post(m.root),
    metadata: { event_type: ROOT_EVENT, event_payload: { incident_id: m.incidentId } },
  });
  if (!answer.ts) throw new Error("Slack accepted the message but returned no ts.");
  return answer.ts;
}

type WithMetadata = { ts?: string; metadata?: { event_type?: string; event_payload?: unknown } };

/** A root a crashed attempt posted: the channel's recent messages, by Herald's metadata. */
async function findRoot(client: WebClient, m: SlackThreadMessage): Promise<string | null> {
  const history = await client.conversations
    .history({ channel: m.channelId, limit: 200, include_all_metadata: true })
    .catch(() => null);
  const found = (history?.messages as WithMetadata[] | undefined)?.find(
    (msg) =>
      msg.metadata?.event_type === ROOT_EVENT &&
      (msg.metadata.event_payload as { incident_id?: unknown })?.incident_id === m.incidentId,
  );
  return found?.ts ?? null;
}

/** Whether this row's reply is already in the thread (posted by an attempt that crashed before recording it). */
async function findReply(client: WebClient, channel: string, ts: string, row: OutboxRow) {
  const replies = await client.conversations
    .replies({ channel, ts, limit: 1000, include_all_metadata: true })
    .catch(() => null);
  return Boolean(
    (replies?.messages as WithMetadata[] | undefined)?.some(
      (msg) =>
        msg.metadata?.event_type === REPLY_EVENT &&
        (msg.metadata.event_payload as { delivery_id?: unknown })?.delivery_id ===
          row.idempotencyKey,
    ),
  );
}
