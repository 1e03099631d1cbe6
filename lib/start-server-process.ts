import { config, ConfigError } from "./config";
import { dbHandle, getDb, reopenDbHandle } from "./db";
import { DataDirLockedError } from "./db/data-dir-lock";
import { watchDatabaseLiveness } from "./db/liveness";
import { prepareDatabase } from "./db/prepare";
import { followPublicChanges } from "./public/public-changes";

/**
 * See startWorker's `wakeDelayMs`. Measured with `npm run bench` (median of six publishes through
 * the API, PGlite): 188 ms woken at once, 101 ms at 200 ms, 43 ms at 500 ms (39 ms with the old
 * 1 s poll).
 */
const IN_PROCESS_WAKE_DELAY_MS = 500;

/** Validate the configuration (exit with a clear message if bad), migrate, seed, ensure the owner, start the worker. */
export async function startServerProcess(): Promise<void> {
  try {
    config();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const c = config();
  // Auth.js builds callback and redirect URLs from AUTH_URL; the page's canonical
  // URL is the right base behind proxies and CDNs, whatever Host the request had.
  if (c.HERALD_URL && !process.env.AUTH_URL)
    process.env.AUTH_URL = `${c.HERALD_URL.replace(/\/+$/, "")}/api/auth`;
  let handle = await dbHandle().catch((error: unknown) => {
    // Another process serves this PGlite directory: leave it alone, and say who has it.
    if (error instanceof DataDirLockedError) {
      console.error(`[herald] ${error.message}`);
      process.exit(1);
    }
    throw error;
  });
  await prepareDatabase(handle, c);
  // PGlite's WebAssembly memory only grows: what unpacking, migrating and seeding took on a first
  // start (about 100 MB more than a reopened database) would stay for the server's life. Reopened
  // before anything else holds the handle, the embedded database starts from its small size.
  if (handle.engine === "pglite") handle = await reopenDbHandle();
  await followPublicChanges(handle);
  watchDatabaseLiveness(getDb);
  // Never while `next build` prerenders: a build must not deliver anyone's mail.
  if (c.HERALD_WORKER === "on" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startWorker } = await import("./worker/run-worker");
    // After the publishing request has answered and the pages re-rendered, but sooner than the old 1 s poll.
    await startWorker(handle, c, console.log, { wakeDelayMs: IN_PROCESS_WAKE_DELAY_MS });
  }
}
