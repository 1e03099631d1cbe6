import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { HeraldError } from "../errors";

/**
 * Per-process limiters (each instance counts its own requests): enough to stop
 * a script hammering a form; a shared store can replace the memory one without
 * changing callers. Held on globalThis so that every copy of this module Next
 * bundles (server actions, route handlers) counts against the same budget.
 */
const holder = globalThis as unknown as { __heraldRateLimiters?: Map<string, RateLimiterMemory> };
const limiters = (holder.__heraldRateLimiters ??= new Map());

export function memoryLimiter(
  keyPrefix: string,
  points: number,
  durationSeconds: number,
): RateLimiterMemory {
  let limiter = limiters.get(keyPrefix);
  if (!limiter) {
    limiter = new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds });
    limiters.set(keyPrefix, limiter);
  }
  return limiter;
}

export function tryAgainIn(msBeforeNext: number): string {
  const minutes = Math.max(1, Math.ceil(msBeforeNext / 60_000));
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Spends one point for `key`; once none are left, throws a `rate_limited` HeraldError worded by `message`. */
export async function consumeOrRefuse(
  limiter: RateLimiterMemory,
  key: string,
  message: (wait: string, msBeforeNext: number) => string,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw new HeraldError(
      "rate_limited",
      message(tryAgainIn(error.msBeforeNext), error.msBeforeNext),
    );
  }
}

/** True while `key` still has points; spends one either way. For limits whose answer must not change (no error). */
export async function consumeIfAllowed(limiter: RateLimiterMemory, key: string): Promise<boolean> {
  return limiter.consume(key).then(
    () => true,
    (error: unknown) => {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    },
  );
}
