import type { Component } from "@/lib/db/schema";
import type { ComponentTree } from "@/lib/components/list-component-tree";
import { worstStatus } from "@/lib/components/status";
import { combineUptime, type ComponentUptime } from "@/lib/uptime/load-uptime";
import { StatusLabel } from "./status-dot";
import { UptimeBar } from "./uptime-bar";
import { CompactUptimeBar } from "./compact-uptime-bar";

function ComponentRow({
  component,
  uptime,
  compact = false,
}: {
  component: Component;
  uptime?: ComponentUptime;
  /** In a collapsed group: a compact bar (the group's own bar has the per-day detail). */
  compact?: boolean;
}) {
  return (
    <li className="py-3">
      <div className="flex items-start justify-between gap-3">
        <div>
          <p className="font-medium">{component.name}</p>
          {component.description && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{component.description}</p>
          )}
        </div>
        <StatusLabel status={component.status} />
      </div>
      {uptime && compact && (
        <CompactUptimeBar
          componentId={component.id}
          name={component.name}
          days={uptime.days}
          uptime={uptime.uptime}
        />
      )}
      {uptime && !compact && (
        <UptimeBar
          id={`u-${component.id}`}
          name={component.name}
          days={uptime.days}
          uptime={uptime.uptime}
        />
      )}
    </li>
  );
}

/**
 * Groups are native <details>: collapsible without JavaScript and by keyboard.
 * A group with a problem starts open so nobody has to hunt for it.
 */
export function ComponentList({
  tree,
  uptime,
}: {
  tree: ComponentTree;
  uptime: Map<string, ComponentUptime>;
}) {
  return (
    <div className="flex flex-col gap-3">
      {tree.groups.map((group) => {
        const status = worstStatus(group.components.map((c) => c.status));
        const members = group.components
          .map((c) => uptime.get(c.id))
          .filter((u): u is ComponentUptime => Boolean(u));
        const combined = combineUptime(members);
        const open = status !== "operational";
        return (
          <details
            key={group.id}
            open={open}
            className="group rounded-lg border border-zinc-200 dark:border-zinc-800"
          >
            <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-4 py-3 [&::-webkit-details-marker]:hidden">
              <span className="flex items-center gap-2 font-semibold">
                <span
                  aria-hidden="true"
                  className="inline-block w-4 transition-transform group-open:rotate-90"
                >
                  ▸
                </span>
                {group.name}
                <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
                  ({group.components.length})
                </span>
              </span>
              <StatusLabel status={status} />
            </summary>
            <div className="border-t border-zinc-200 px-4 dark:border-zinc-800">
              {members.length > 0 && (
                <UptimeBar
                  id={`g-${group.id}`}
                  name={`${group.name} (all components)`}
                  days={combined.days}
                  uptime={combined.uptime}
                />
              )}
              <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {group.components.map((c) => (
                  <ComponentRow
                    key={c.id}
                    component={c}
                    uptime={uptime.get(c.id)}
                    compact={!open}
                  />
                ))}
              </ul>
            </div>
          </details>
        );
      })}
      {tree.ungrouped.length > 0 && (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 px-4 dark:divide-zinc-800 dark:border-zinc-800">
          {tree.ungrouped.map((c) => (
            <ComponentRow key={c.id} component={c} uptime={uptime.get(c.id)} />
          ))}
        </ul>
      )}
    </div>
  );
}
