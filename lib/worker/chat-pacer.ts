/**
 * When each chat URL was last posted to, in this process: Slack allows about
 * one message per second per incoming webhook, so posts to one URL are spaced
 * across batches too, not only within one. Several worker processes may each
 * post once in that second; the platform's 429 then tells them to wait.
 */
const lastPostAt = new Map<string, number>();
const FORGET_AFTER_MS = 60_000;

/** Waits until `url` may be posted to again, then marks it posted. */
export async function paceChatUrl(
  url: string,
  minIntervalMs: number,
  now: () => Date,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  const last = lastPostAt.get(url);
  const wait = last === undefined ? 0 : last + minIntervalMs - now().getTime();
  if (wait > 0) await sleep(wait);
  markChatPost(url, now().getTime());
}

export function markChatPost(url: string, at: number) {
  lastPostAt.set(url, at);
  if (lastPostAt.size > 10_000)
    for (const [key, value] of lastPostAt) if (at - value > FORGET_AFTER_MS) lastPostAt.delete(key);
}
