import type { Db } from "@/lib/db";
import { listComponentTree } from "@/lib/components/list-component-tree";
import type { PickableComponent } from "./_components/component-status-picker";

/** Every component in display order, labelled with its group so same-named components stay distinguishable. */
export async function loadPickableComponents(db: Db): Promise<PickableComponent[]> {
  const tree = await listComponentTree(db, { publicOnly: false });
  return [
    ...tree.groups.flatMap((g) =>
      g.components.map((c) => ({
        id: c.id,
        name: c.name,
        label: `${g.name} · ${c.name}`,
        status: c.status,
      })),
    ),
    ...tree.ungrouped.map((c) => ({ id: c.id, name: c.name, label: c.name, status: c.status })),
  ];
}
