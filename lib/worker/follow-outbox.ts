import type { DbHandle } from "../db/client";
import { wakeWorker } from "./wake";

/** The channel new outbox rows and fan-outs are announced on (drizzle/0016_outbox_wake.sql). */
export const OUTBOX_CHANNEL = "herald_outbox";

/**
 * Wakes this process's worker whenever anything is queued, by any process: the
 * database announces each committed insert, so no writer has to remember to.
 * `hearing` is false while the LISTEN connection is down; the worker then
 * polls at its old pace until it is back (and is woken once on return, for
 * what it may have missed). `wakeDelayMs` holds the wake back (see startWorker).
 */
export async function followOutbox(
  handle: Pick<DbHandle, "listen">,
  { wakeDelayMs = 0 }: { wakeDelayMs?: number } = {},
): Promise<{
  stop: () => Promise<void>;
  hearing: () => boolean;
}> {
  let hearing = false;
  let pending: NodeJS.Timeout | undefined;
  const wakeSoon = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      wakeWorker();
    }, wakeDelayMs);
  };
  const stop = await handle.listen(OUTBOX_CHANNEL, {
    onMessage: wakeSoon,
    onUp: () => {
      hearing = true;
      wakeWorker();
    },
    onDown: () => {
      hearing = false;
    },
  });
  return {
    stop: async () => {
      clearTimeout(pending);
      await stop();
    },
    hearing: () => hearing,
  };
}
