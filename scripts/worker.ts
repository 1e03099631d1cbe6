/**
 * `npm run worker`: the notification worker as its own process, for deployments
 * that run the web servers with HERALD_WORKER=off. Several may run at once on
 * one PostgreSQL. Same loop as the in-process worker (lib/worker/run-worker.ts).
 */
import { config } from "../lib/config";
import { dbHandle } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { startWorker } from "../lib/worker/run-worker";

const c = config();
if (!c.DATABASE_URL) {
  // A PGlite data directory can be opened by one process only: the server's.
  console.error(
    "npm run worker needs DATABASE_URL (PostgreSQL). With the embedded database, keep HERALD_WORKER=on and the server runs the worker.",
  );
  process.exit(1);
}
const handle = await dbHandle();
await migrate(handle);
const worker = await startWorker(handle, c);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    console.log(`[herald] worker stopping (${signal})`);
    await worker.stop();
    await handle.close();
    process.exit(0);
  });
}
