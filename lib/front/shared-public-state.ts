import type { PublicState } from "./response-cache";

/**
 * What the front thread (front-thread.ts) must know of the main thread's state, in memory both
 * threads read: the public cache's version, whether the database answered, and how many answers
 * were served from last-good data. Shared memory rather than messages because the front cache
 * asks for it synchronously, on every request, and a render's `degraded` flag compares the count
 * before and after the render (the main thread stores it before the render's bytes are sent).
 * The main thread keeps it current (mirror-public-state.ts); this side imports nothing of the
 * database, so the front thread loads none of it.
 */
export type SharedPublicState = SharedArrayBuffer;

/** Slots of the Int32Array over the buffer. */
export const VERSION = 0;
export const LIVE = 1;
export const STALE_ANSWERS = 2;
export const SLOTS = 3;

/** Front thread: reads of the mirrored state (no message round trip, nothing allocated but the answer). */
export function readSharedPublicState(buffer: SharedPublicState) {
  const view = new Int32Array(buffer);
  return {
    state: (): PublicState => ({
      version: Atomics.load(view, VERSION),
      live: Atomics.load(view, LIVE) === 1,
    }),
    staleAnswerCount: () => Atomics.load(view, STALE_ANSWERS),
  };
}
