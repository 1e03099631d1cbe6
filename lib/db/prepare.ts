import type { Config } from "../config";
import { ensureAdmin } from "../team/ensure-admin";
import type { DbHandle } from "./client";
import { migrate } from "./migrate";
import { seedDemoData } from "./seed";

/** Everything a start needs from the database: schema, demo data, first owner. */
export async function prepareDatabase(
  handle: DbHandle,
  c: Config,
  log: (m: string) => void = console.log,
) {
  await migrate(handle);
  log(`[herald] database ready (${handle.engine})`);
  if (c.HERALD_SEED === "on") {
    const { seeded } = await seedDemoData(handle.db);
    if (seeded) log("[herald] seeded demo data into the empty database (HERALD_SEED=off to skip)");
  }
  if (c.HERALD_ADMIN_EMAIL && c.HERALD_ADMIN_PASSWORD) {
    const result = await ensureAdmin(handle.db, c.HERALD_ADMIN_EMAIL, c.HERALD_ADMIN_PASSWORD);
    if (result !== "unchanged") log(`[herald] owner ${c.HERALD_ADMIN_EMAIL} ${result}`);
  }
}
