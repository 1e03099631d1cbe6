import { asc, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { components } from "../db/schema";
import type { ComponentsAsOf } from "./payload";

/**
 * The named components' statuses right now, inside the publishing
 * transaction (after its own changes): what the message must show, however
 * late it is delivered and whatever changed since.
 */
export async function componentsAsOf(
  tx: Db,
  componentIds: readonly string[],
): Promise<ComponentsAsOf> {
  if (componentIds.length === 0) return [];
  return tx
    .select({ componentId: components.id, name: components.name, status: components.status })
    .from(components)
    .where(inArray(components.id, [...componentIds]))
    .orderBy(asc(components.position), asc(components.name));
}
