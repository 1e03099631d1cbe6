import { parentPort, Worker, workerData } from "node:worker_threads";
import { startFrontServer, type FrontServerOptions } from "./front-server";

/** What the front thread tells the main thread once, after it started (or failed to). */
type Started = { listening: true; warmMs: number } | { listening: false; error: string };
/** What the main thread tells the front thread: the public cache changed. */
const CHANGED = "changed";

/**
 * Main thread: runs the front server (front-server.ts) on a thread of its own, from the compiled
 * entry `entry` (dist/front-thread.mjs), and resolves once its port is open. A thread that dies
 * later takes the process with it: a supervisor restarts a whole server, never half of one.
 */
export async function startFrontThread(entry: URL, options: FrontServerOptions) {
  const worker = new Worker(entry, { workerData: options });
  const started = await new Promise<Started>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the front thread exited (${code})`)));
  });
  if (!started.listening) {
    await worker.terminate();
    throw new Error(started.error);
  }
  worker.removeAllListeners();
  worker.on("error", (error) => {
    console.error(`[herald] the front thread failed: ${error.stack ?? error.message}`);
    process.exit(1);
  });
  worker.on("exit", (code) => {
    console.error(`[herald] the front thread exited (${code})`);
    process.exit(1);
  });
  return {
    warmMs: started.warmMs,
    changed: () => worker.postMessage(CHANGED),
  };
}

/** Front thread (scripts/front-thread.ts): starts the server and reports back. */
export async function serveFrontThread(): Promise<void> {
  const port = parentPort!;
  let started: Started;
  try {
    const front = await startFrontServer(workerData as FrontServerOptions);
    port.on("message", (message) => {
      if (message === CHANGED) front.changed();
    });
    started = { listening: true, warmMs: front.warmMs };
  } catch (error) {
    started = { listening: false, error: (error as Error).message };
  }
  port.postMessage(started);
}
