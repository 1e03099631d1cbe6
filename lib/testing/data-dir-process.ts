/**
 * A Herald server process without the HTTP part, for tests that need two real
 * processes on one data directory: starts like `npm start` does
 * (startServerProcess: lock, migrate, seed), then takes commands on stdin:
 * `put <key> <value>` and `get <key>` on app_secrets, answering on stdout.
 */
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import { getDb } from "../db";
import { appSecrets } from "../db/schema";
import { startServerProcess } from "../start-server-process";

await startServerProcess();
const db = await getDb();
// tsx runs the script in a child of its own: this is the pid a lock names.
console.log(`ready pid=${process.pid};`);
for await (const line of createInterface({ input: process.stdin })) {
  const [command, key, value] = line.trim().split(" ");
  if (command === "put") {
    await db.insert(appSecrets).values({ key: key!, value: value! });
    console.log(`stored ${key}`);
  } else if (command === "get") {
    const [row] = await db.select().from(appSecrets).where(eq(appSecrets.key, key!));
    console.log(`value ${row?.value ?? "none"}`);
  }
}
// stdin closed: stop like a server on SIGTERM (the lock goes with the process).
process.exit(0);
