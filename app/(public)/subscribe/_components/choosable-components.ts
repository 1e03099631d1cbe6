import { getDb } from "@/lib/db";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";
import type { ChoosableComponent } from "./component-choice";

/** Every public component (hidden-until-degraded ones too: people may want to hear when they break). */
export async function loadChoosableComponents(): Promise<{
  components: ChoosableComponent[];
  pageName: string;
}> {
  const { value } = await loadStatusSnapshot(getDb);
  const groupName = new Map(value.groups.map((g) => [g.id, g.name]));
  const order = new Map(value.groups.map((g, i) => [g.id, i]));
  const components = [...value.components]
    .sort(
      (a, b) =>
        (order.get(a.groupId ?? "") ?? 1e9) - (order.get(b.groupId ?? "") ?? 1e9) ||
        a.position - b.position,
    )
    .map((c) => ({
      id: c.id,
      name: c.name,
      group: c.groupId ? (groupName.get(c.groupId) ?? null) : null,
    }));
  return { components, pageName: value.settings.name };
}
