import type { Config } from "../config";
import { baseUrl } from "../config";
import type { Db } from "../db/client";
import { createMailTransport, type MailTransport } from "../mail/transport";
import { createDevMailboxTransport } from "../mail/dev-mailbox-transport";
import { deliverOutboxBatch } from "./deliver-outbox";
import { runTick } from "./run-tick";
import { sleepUntilWoken } from "./wake";

const POLL_MS = 1_000;
const TICK_MS = 30_000;
const ERROR_PAUSE_MS = 5_000;
/** A batch taking longer than this is logged. */
const SLOW_BATCH_MS = 10_000;
/**
 * Batches delivered side by side (claimed apart with SKIP LOCKED, as two workers would be):
 * while one lane claims, renders and records, the other's messages are on the wire. With one
 * lane the connections sat idle between batches, half the worker's time at a thousand a second.
 */
const DELIVERY_LANES = 2;

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
  db: Db,
  c: Config,
  log: (m: string) => void = console.log,
): Promise<RunningWorker> {
  const transport = await deliveryTransport(c, db, { pool: true });
  const controller = new AbortController();
  let lastTick = 0;
  /** One lane: deliver batch after batch while there is work; the first lane also runs the tick. */
  const lane = async (ticks: boolean) => {
    while (!controller.signal.aborted) {
      try {
        if (ticks && Date.now() - lastTick >= TICK_MS) {
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
        if (batch.claimed > 0) continue;
        await sleepUntilWoken(POLL_MS, controller.signal);
      } catch (error) {
        log(`[herald] worker: ${(error as Error).message}; retrying in ${ERROR_PAUSE_MS / 1000} s`);
        await sleepUntilWoken(ERROR_PAUSE_MS, controller.signal);
      }
    }
  };
  const loop = Promise.all(Array.from({ length: DELIVERY_LANES }, (_, i) => lane(i === 0)));
  log(
    `[herald] worker started (mail: ${transport.name === "dev" ? "development outbox in the console" : transport.name})`,
  );
  return {
    transport: transport.name,
    stop: async () => {
      controller.abort();
      await loop;
      transport.close?.();
    },
  };
}
