import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "../db/client";
import { upstreamPages, upstreamPolls, type UpstreamPage } from "../db/schema";
import type { OutboundOptions } from "../http/outbound/send-outbound";
import { fetchSummary } from "./fetch-summary";
import { syncUpstreamComponents } from "./sync-components";
import { syncUpstreamIncidents } from "./sync-incidents";

export const POLL_INTERVAL_MS = 60_000;
/** Backoff after failures doubles from the interval up to this. */
export const MAX_BACKOFF_MS = 30 * 60_000;
/** A claimed poll not finished by then (its worker died) is due again. */
const LEASE_MS = 2 * 60_000;
const BATCH = 20;

export type PollOutcome = { upstreamPageId: string; ok: boolean; lines: string[]; error?: string };

/** The wait after `failures` consecutive failures: 1, 2, 4 … 30 minutes. */
export function backoffMs(failures: number): number {
  return Math.min(POLL_INTERVAL_MS * 2 ** Math.max(failures - 1, 0), MAX_BACKOFF_MS);
}

/**
 * Claims upstreams due for a poll by moving their next poll time a lease ahead
 * (FOR UPDATE SKIP LOCKED, as the outbox claims): several workers never poll
 * one upstream at once, and a worker that dies mid-poll hands it back when the lease runs out.
 */
async function claimDue(db: Db, now: Date, only?: string) {
  const due = db
    .select({ id: upstreamPolls.upstreamPageId })
    .from(upstreamPolls)
    .where(
      and(
        lte(upstreamPolls.nextPollAt, now),
        only ? eq(upstreamPolls.upstreamPageId, only) : undefined,
      ),
    )
    .orderBy(asc(upstreamPolls.nextPollAt))
    .limit(BATCH)
    .for("update", { skipLocked: true });
  return db
    .update(upstreamPolls)
    .set({ nextPollAt: new Date(now.getTime() + LEASE_MS) })
    .where(inArray(upstreamPolls.upstreamPageId, due))
    .returning();
}

/** The worker's tick: polls every upstream that is due, side by side. */
export async function pollDueUpstreams(db: Db, now = new Date(), options: OutboundOptions = {}) {
  const claimed = await claimDue(db, now);
  return Promise.all(
    claimed.map((poll) => pollOne(db, poll.upstreamPageId, poll.etag, now, options)),
  );
}

/** Polls one upstream now, whatever its schedule (on creation, and from the console's "Poll now"). */
export async function pollUpstreamNow(
  db: Db,
  upstreamPageId: string,
  options: OutboundOptions = {},
) {
  const now = new Date();
  await db
    .update(upstreamPolls)
    .set({ nextPollAt: now })
    .where(eq(upstreamPolls.upstreamPageId, upstreamPageId));
  const [poll] = await claimDue(db, now, upstreamPageId);
  // Another worker holds it this moment: its poll is as good as ours.
  if (!poll) return null;
  return pollOne(db, upstreamPageId, poll.etag, now, options);
}

async function pollOne(
  db: Db,
  upstreamPageId: string,
  etag: string | null,
  now: Date,
  options: OutboundOptions,
): Promise<PollOutcome> {
  const [page] = await db.select().from(upstreamPages).where(eq(upstreamPages.id, upstreamPageId));
  if (!page) return { upstreamPageId, ok: false, lines: [], error: "deleted" };
  let read: Awaited<ReturnType<typeof fetchSummary>>;
  try {
    read = await fetchSummary(page.url, etag, options);
  } catch (error) {
    return recordFailure(db, page, (error as Error).message, now);
  }
  return (
    db
      .transaction(async (tx) => {
        let lines: string[] = ["not modified"];
        if (read.kind === "ok") {
          const count = await syncUpstreamComponents(tx, page, read.summary, now);
          lines = [
            `${count} components`,
            ...(await syncUpstreamIncidents(tx, page, read.summary, now)),
          ];
        } else if (page.unknownSince) {
          // 304 after failures: what we hold is current again.
          await tx
            .update(upstreamPages)
            .set({ unknownSince: null })
            .where(eq(upstreamPages.id, page.id));
        }
        await tx
          .update(upstreamPolls)
          .set({
            nextPollAt: new Date(now.getTime() + POLL_INTERVAL_MS),
            etag: read.kind === "ok" ? read.etag : etag,
            failures: 0,
            lastError: null,
            lastPolledAt: now,
            lastSuccessAt: now,
          })
          .where(eq(upstreamPolls.upstreamPageId, page.id));
        return { upstreamPageId: page.id, ok: true, lines };
      })
      // A summary this code could not store (a bug, a constraint) is a failed poll, not a dead tick.
      .catch((error: Error) =>
        recordFailure(db, page, `Could not store the summary: ${error.message}`, now),
      )
  );
}

/** No guess: the page shows "Status unknown since" the first failed poll, and polls back off. */
async function recordFailure(
  db: Db,
  page: UpstreamPage,
  error: string,
  now: Date,
): Promise<PollOutcome> {
  await db.transaction(async (tx) => {
    const [poll] = await tx
      .select()
      .from(upstreamPolls)
      .where(eq(upstreamPolls.upstreamPageId, page.id));
    const failures = (poll?.failures ?? 0) + 1;
    await tx
      .update(upstreamPolls)
      .set({
        nextPollAt: new Date(now.getTime() + backoffMs(failures)),
        failures,
        lastError: error.slice(0, 500),
        lastPolledAt: now,
      })
      .where(eq(upstreamPolls.upstreamPageId, page.id));
    await tx
      .update(upstreamPages)
      .set({ unknownSince: now })
      .where(and(eq(upstreamPages.id, page.id), isNull(upstreamPages.unknownSince)));
  });
  return { upstreamPageId: page.id, ok: false, lines: [], error };
}
