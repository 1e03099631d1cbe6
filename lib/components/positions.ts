import { asc, eq, isNull, max } from "drizzle-orm";
import type { Db } from "../db/client";
import { componentGroups, components } from "../db/schema";

export type Sortable = "component" | "group";

/** Components are ordered within their group (or among the ungrouped); groups among themselves. */
function siblingsQuery(kind: Sortable, groupId: string | null) {
  if (kind === "group") return { table: componentGroups, where: undefined };
  return {
    table: components,
    where: groupId ? eq(components.groupId, groupId) : isNull(components.groupId),
  };
}

export async function nextPosition(
  tx: Db,
  kind: Sortable,
  groupId: string | null,
): Promise<number> {
  const { table, where } = siblingsQuery(kind, groupId);
  const [row] = await tx
    .select({ last: max(table.position) })
    .from(table)
    .where(where);
  return (row?.last ?? -1) + 1;
}

/** Siblings in display order (the order listComponentTree shows). */
export async function orderedSiblings(tx: Db, kind: Sortable, groupId: string | null) {
  const { table, where } = siblingsQuery(kind, groupId);
  return tx
    .select({ id: table.id, position: table.position })
    .from(table)
    .where(where)
    .orderBy(asc(table.position), asc(table.name))
    .for("update");
}
