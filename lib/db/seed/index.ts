import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { components } from "../schema";
import { insertPlan } from "./insert-plan";
import { buildDemoPlan } from "./plan";

/** Arbitrary constant: two instances starting on an empty database seed only once. */
const SEED_LOCK = 7_212_026;

/**
 * Fills an empty database with a realistic demo page for "Acme Cloud": components
 * with 90 days of history, resolved incidents (one with a published postmortem),
 * one open incident, and past and upcoming maintenance. Times are relative to
 * `now`. Does nothing once any component exists.
 */
export async function seedDemoData(db: Db, now = new Date()): Promise<{ seeded: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [existing] = await tx.select({ id: components.id }).from(components).limit(1);
    if (existing) return { seeded: false };
    await insertPlan(tx, buildDemoPlan(now));
    return { seeded: true };
  });
}
