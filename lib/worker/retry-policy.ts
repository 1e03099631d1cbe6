/** A message is tried this many times (over about four hours) before it is recorded as failed. */
export const MAX_ATTEMPTS = 8;
/**
 * A webhook failing this many delivery rounds in a row (at most one counted per
 * batch, so ten queued events failing in one blip count once) is switched off,
 * with a notice in the console. With backoff, that is hours of failure.
 */
export const WEBHOOK_DISABLE_AFTER = 10;
/**
 * A chat webhook answering 404 or 410 (deleted) this many rounds in a row is
 * switched off sooner: one such answer may be a platform blip, three are not.
 */
export const GONE_DISABLE_AFTER = 3;

const BASE_MS = 30_000;
const CAP_MS = 3_600_000;

/**
 * Exponential backoff (30 s, 1 min, 2 min … capped at 1 h) with ±20% jitter so
 * a receiver that came back is not hit by every retry in the same second.
 */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
