import type { ComponentStatus } from "../db/schema/enums";
import { worstStatus } from "../components/status";
import type { PublicUpstream } from "../public/public-upstreams";
import type { WireComponent } from "./wire-schema";

/**
 * Third-party groups, after our own components: a group per upstream page,
 * named by its source. The wire has no "unknown" status, so a component whose
 * status is unknown is left out rather than guessed (and a group with none known).
 */
export function serializeUpstreams(
  upstreams: readonly PublicUpstream[],
  firstPosition: number,
  pageId: string,
): WireComponent[] {
  const out: WireComponent[] = [];
  for (const upstream of upstreams) {
    const known = upstream.components.flatMap((c) =>
      c.status === null ? [] : [{ ...c, status: c.status as ComponentStatus }],
    );
    if (known.length === 0) continue;
    const description = `Third-party: status from ${upstream.host}`;
    const common = {
      description,
      showcase: false,
      start_date: null,
      page_id: pageId,
      only_show_if_degraded: false,
    };
    out.push({
      ...common,
      id: upstream.id,
      name: upstream.name,
      status: worstStatus(known.map((c) => c.status)),
      created_at: upstream.createdAt.toISOString(),
      updated_at: new Date(Math.max(...known.map((c) => c.updatedAt.getTime()))).toISOString(),
      position: firstPosition + out.length,
      group_id: null,
      group: true,
      components: known.map((c) => c.id),
    });
    for (const c of known)
      out.push({
        ...common,
        id: c.id,
        name: c.name,
        status: c.status,
        created_at: c.createdAt.toISOString(),
        updated_at: c.updatedAt.toISOString(),
        position: firstPosition + out.length,
        group_id: upstream.id,
        group: false,
      });
  }
  return out;
}
