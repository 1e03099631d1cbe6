import { asc } from "drizzle-orm";
import type { Db } from "../db/client";
import { componentGroups, components, type Component, type ComponentGroup } from "../db/schema";

export type ComponentTree = {
  groups: (ComponentGroup & { components: Component[] })[];
  /** Components without a group, shown after the groups. */
  ungrouped: Component[];
};

/** Groups and components in display order. `publicOnly` drops hidden components and empty groups. */
export async function listComponentTree(
  db: Db,
  { publicOnly }: { publicOnly: boolean },
): Promise<ComponentTree> {
  const [groupRows, componentRows] = await Promise.all([
    db
      .select()
      .from(componentGroups)
      .orderBy(asc(componentGroups.position), asc(componentGroups.name)),
    db.select().from(components).orderBy(asc(components.position), asc(components.name)),
  ]);
  const shown = publicOnly
    ? componentRows.filter(
        (c) => c.visible && (!c.onlyShowIfDegraded || c.status !== "operational"),
      )
    : componentRows;
  const groups = groupRows
    .map((g) => ({ ...g, components: shown.filter((c) => c.groupId === g.id) }))
    .filter((g) => !publicOnly || g.components.length > 0);
  return {
    groups,
    ungrouped: shown.filter((c) => !c.groupId || !groupRows.some((g) => g.id === c.groupId)),
  };
}
