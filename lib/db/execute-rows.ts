import type { SQL } from "drizzle-orm";
import type { Db } from "./client";

/** Raw SQL rows on either engine (postgres-js returns an array, PGlite `{ rows }`). */
export async function executeRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
