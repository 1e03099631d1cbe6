import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { HeraldError } from "../errors";

/**
 * Per process (each instance counts its own requests): enough to stop a script
 * from mail-bombing addresses through the form; a shared store can replace the
 * memory one without changing callers.
 */
const holder = globalThis as unknown as { __heraldSubscribeLimits?: { client: RateLimiterMemory; address: RateLimiterMemory } };
const limits = (holder.__heraldSubscribeLimits ??= {
  /** Subscribe/confirm form posts per client (IP) per 10 minutes. */
  client: new RateLimiterMemory({ keyPrefix: "subscribe-client", points: 10, duration: 600 }),
  /** Confirmation emails per address per hour; beyond it, the answer is the same but no email goes out. */
  address: new RateLimiterMemory({ keyPrefix: "subscribe-address", points: 3, duration: 3600 }),
});

export async function limitClient(clientKey: string): Promise<void> {
  try {
    await limits.client.consume(clientKey);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const minutes = Math.ceil(error.msBeforeNext / 60_000);
    throw new HeraldError("rate_limited", `Too many attempts from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
}

/** False once this address has had its share of confirmation emails. */
export async function addressMayReceiveMail(email: string): Promise<boolean> {
  return limits.address.consume(email).then(
    () => true,
    (error: unknown) => {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    },
  );
}
