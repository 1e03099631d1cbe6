import { lastKnownLive, onLivenessChanged } from "../db/liveness";
import {
  onPublicCacheInvalidated,
  onStaleAnswer,
  publicCacheVersion,
  staleAnswerCount,
} from "../public/public-cache";
import { LIVE, SLOTS, STALE_ANSWERS, VERSION, type SharedPublicState } from "./shared-public-state";

/**
 * Main thread: a buffer for the front thread (shared-public-state.ts), kept equal to the public cache's state from now on. `onChange` runs after
 * each invalidation has been stored (the front thread re-renders what readers are reading).
 */
export function mirrorPublicState(onChange: () => void): {
  buffer: SharedPublicState;
  stop: () => void;
} {
  const buffer = new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const view = new Int32Array(buffer);
  Atomics.store(view, VERSION, publicCacheVersion());
  Atomics.store(view, LIVE, lastKnownLive() ? 1 : 0);
  Atomics.store(view, STALE_ANSWERS, staleAnswerCount());
  const stops = [
    onPublicCacheInvalidated(() => {
      Atomics.store(view, VERSION, publicCacheVersion());
      onChange();
    }),
    onLivenessChanged((live) => Atomics.store(view, LIVE, live ? 1 : 0)),
    onStaleAnswer((count) => Atomics.store(view, STALE_ANSWERS, count)),
  ];
  return { buffer, stop: () => stops.forEach((stop) => stop()) };
}
