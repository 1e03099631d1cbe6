import type { Component, ComponentGroup } from "../db/schema";
import { worstStatus } from "../components/status";
import type { StatusSnapshot } from "../public/status-snapshot";
import type { WireComponent } from "./wire-schema";
import { serializeUpstreams } from "./serialize-upstreams";

const byPositionThenName = (
  a: { position: number; name: string },
  b: { position: number; name: string },
) => a.position - b.position || a.name.localeCompare(b.name);

/**
 * Statuspage lists groups as components (`group: true`, member ids in
 * `components`) in one flat list. Herald numbers positions within a group, so
 * the wire position is the 1-based place in reading order instead: each group
 * followed by its members, then ungrouped components, as the page shows them.
 * Groups without a visible member are left out, as on the page.
 */
export function serializeComponents(snapshot: StatusSnapshot): WireComponent[] {
  const pageId = snapshot.settings.publicId;
  const visible = [...snapshot.components].sort(byPositionThenName);
  const groups = snapshot.groups
    .map((group) => ({ group, members: visible.filter((c) => c.groupId === group.id) }))
    .filter(({ members }) => members.length > 0);
  const grouped = new Set(groups.flatMap(({ members }) => members.map((c) => c.id)));

  const ordered: WireComponent[] = [];
  const place = () => ordered.length + 1;
  for (const { group, members } of groups) {
    ordered.push(serializeGroup(group, members, place(), pageId));
    for (const member of members) ordered.push(serializeLeaf(member, group.id, place(), pageId));
  }
  for (const component of visible.filter((c) => !grouped.has(c.id)))
    ordered.push(serializeLeaf(component, null, place(), pageId));
  ordered.push(...serializeUpstreams(snapshot.upstreams, place(), pageId));
  return ordered;
}

function serializeLeaf(
  c: Component,
  groupId: string | null,
  position: number,
  pageId: string,
): WireComponent {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
    position,
    description: c.description,
    showcase: c.visible,
    start_date: c.startDate,
    group_id: groupId,
    page_id: pageId,
    group: false,
    only_show_if_degraded: c.onlyShowIfDegraded,
  };
}

/** A group's status is its worst member's; it has no uptime showcase or start date of its own. */
function serializeGroup(
  g: ComponentGroup,
  members: Component[],
  position: number,
  pageId: string,
): WireComponent {
  return {
    id: g.id,
    name: g.name,
    status: worstStatus(members.map((m) => m.status)),
    created_at: g.createdAt.toISOString(),
    updated_at: g.updatedAt.toISOString(),
    position,
    description: g.description,
    showcase: false,
    start_date: null,
    group_id: null,
    page_id: pageId,
    group: true,
    only_show_if_degraded: false,
    components: members.map((m) => m.id),
  };
}
