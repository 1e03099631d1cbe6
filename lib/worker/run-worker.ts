import type { Config } from "../config";
import { baseUrl } from "../config";
import type { Db, DbHandle } from "../db/client";
import { createMailTransport, type MailTransport } from "../mail/transport";
import { createDevMailboxTransport } from "../mail/dev-mailbox-transport";
import { deliverOutboxBatch } from "./deliver-outbox";
import { runTick } from "./run-tick";
import { followOutbox } from "./follow-outbox";
import { sleepUntilWoken } from "./wake";

/**
 * How often an idle worker looks for due rows anyway: new rows wake it at once (followOutbox),
 * so this only catches retries and deferrals coming due, which wait 30 s or more already.
 */
const POLL_MS = 5_000;
/** While new rows go unannounced (the LISTEN connection is down), the pace before announcements. */
const DEAF_POLL_MS = 1_000;
const TICK_MS = 30_000;
const ERROR_PAUSE_MS = 5_000;
/** A batch taking longer than this is logged. */
const SLOW_BATCH_MS = 10_000;
/**
 * Batches delivered side by side (claimed apart with SKIP LOCKED, as two workers would be):
 * while one lane claims, renders and records, the other's messages are on the wire. With one
 * lane the connections sat idle between batches, half the worker's time at a thousand a second.
 * Three, because with two the machine still idled a fifth of the time during a large fan-out
 * (30,000 recipients: 1,000 → 1,150 msg/s; a fourth lane measured no better).
 */
const DELIVERY_LANES = 3;

export type RunningWorker = { transport: MailTransport["name"]; stop: () => Promise<void> };

/** Resend or SMTP when configured; otherwise the development mailbox in the console. */
export async function deliveryTransport(
  c: Config,
  db: Db,
  { pool = false } = {},
): Promise<MailTransport> {
  return (await createMailTransport(c, { pool })) ?? createDevMailboxTransport(db);
}

/**
 * The worker loop, the same in the server process (HERALD_WORKER=on) and in
 * `npm run worker`: deliver the outbox until it is empty, tick every 30 s, sleep
 * until woken or the next poll. Errors (say the database restarting) pause and
 * retry rather than end the loop.
 */
export async function startWorker(
  { db, listen }: Pick<DbHandle, "db" | "listen">,
  c: Config,
  log: (m: string) => void = console.log,
  {
    pollMs = POLL_MS,
    wakeDelayMs = 0,
  }: {
    pollMs?: number;
    /**
     * How long after new mail is announced the worker wakes. A worker inside the web server
     * shares its thread (and, on PGlite, its database) with the request that queued the mail,
     * which is usually still answering and re-rendering the public pages: woken at once there,
     * the bench's publish request took a median 188 ms instead of 39.
     */
    wakeDelayMs?: number;
  } = {},
): Promise<RunningWorker> {
  const transport = await deliveryTransport(c, db, { pool: true });
  const controller = new AbortController();
  const outbox = await followOutbox({ listen }, { wakeDelayMs });
  let lastTick = 0;
  /**
   * The main lane delivers batch after batch while there is work, runs the tick and polls when
   * idle. A helper lane (started when the main lane finds work) delivers until a claim comes back
   * empty and then ends, so an idle worker polls as often as it did with one lane.
   */
  const lane = async (main: boolean) => {
    while (!controller.signal.aborted) {
      try {
        if (main && Date.now() - lastTick >= TICK_MS) {
          lastTick = Date.now();
          await runTick(db, new Date(), { retentionDays: c.HERALD_OUTBOX_RETENTION_DAYS });
        }
        const startedAt = Date.now();
        const batch = await deliverOutboxBatch({ db, transport, baseUrl: baseUrl(c) });
        const took = Date.now() - startedAt;
        // Quiet while all is well; an operator sees failing or slow delivery without a debugger.
        if (batch.retried > 0 || batch.released > 0 || took > SLOW_BATCH_MS)
          log(
            `[herald] worker: ${batch.claimed} claimed, ${batch.sent} sent, ${batch.retried} to retry, ` +
              `${batch.released} released in ${took} ms` +
              (batch.lastError ? `; last error: ${batch.lastError}` : ""),
          );
        if (batch.claimed > 0) {
          if (main) startHelpers();
          continue;
        }
        if (!main) return;
        await sleepUntilWoken(outbox.hearing() ? pollMs : DEAF_POLL_MS, controller.signal);
      } catch (error) {
        log(`[herald] worker: ${(error as Error).message}; retrying in ${ERROR_PAUSE_MS / 1000} s`);
        if (!main) return;
        await sleepUntilWoken(ERROR_PAUSE_MS, controller.signal);
      }
    }
  };
  const helpers = new Set<Promise<void>>();
  const startHelpers = () => {
    while (helpers.size < DELIVERY_LANES - 1 && !controller.signal.aborted) {
      const helper: Promise<void> = lane(false).finally(() => helpers.delete(helper));
      helpers.add(helper);
    }
  };
  const loop = lane(true);
  log(
    `[herald] worker started (mail: ${transport.name === "dev" ? "development outbox in the console" : transport.name})`,
  );
  return {
    transport: transport.name,
    stop: async () => {
      controller.abort();
      await Promise.all([loop, ...helpers]);
      await outbox.stop();
      transport.close?.();
    },
  };
}
