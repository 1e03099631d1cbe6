/**
 * When each chat URL was last posted to, or is next booked for, in this process: Slack allows
 * about one message per second per incoming webhook, so posts to one URL are spaced across
 * batches and the worker's delivery lanes too, not only within one batch. Several worker
 * processes may each post once in that second; the platform's 429 then tells them to wait.
 */
const lastPostAt = new Map<string, number>();
const FORGET_AFTER_MS = 60_000;

/**
 * Waits until `url` may be posted to again. The slot is booked before the wait, so two callers
 * that ask at once (two lanes with messages for one channel) get slots an interval apart rather
 * than both waking for the same one.
 */
export async function paceChatUrl(
  url: string,
  minIntervalMs: number,
  now: () => Date,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  const at = now().getTime();
  const last = lastPostAt.get(url);
  const slot = last === undefined ? at : Math.max(at, last + minIntervalMs);
  markChatPost(url, slot);
  if (slot > at) await sleep(slot - at);
}

function markChatPost(url: string, at: number) {
  lastPostAt.set(url, at);
  if (lastPostAt.size > 10_000)
    for (const [key, value] of lastPostAt) if (at - value > FORGET_AFTER_MS) lastPostAt.delete(key);
}
