import type { Db } from "../db/client";
import { buildStatusSnapshot } from "../public/status-snapshot";
import { buildStatuspageBody } from "./statuspage-endpoints";
import type { WireBody, WireEndpoint } from "./wire-schema";

export const TEST_BASE_URL = "https://status.example.test";

/** Reads the database as the public API would (uncached) and returns a function giving each endpoint's body. */
export async function readWire(
  db: Db,
): Promise<<E extends WireEndpoint>(endpoint: E) => WireBody<E>> {
  const snapshot = await buildStatusSnapshot(db);
  // Round-trip through JSON so tests see exactly what goes on the wire.
  return (endpoint) =>
    JSON.parse(JSON.stringify(buildStatuspageBody(endpoint, snapshot, TEST_BASE_URL)));
}
