import type { StatusSnapshot } from "../public/status-snapshot";
import { serializeComponents } from "./serialize-component";
import { serializePage } from "./serialize-page";
import { snapshotStatus } from "./page-status";
import type { WireComponent, WirePage, WireStatus } from "./wire-schema";

/** What every serializer needs, computed once per snapshot. */
export type WireContext = {
  page: WirePage;
  status: WireStatus;
  /** In wire order: groups, their members, then ungrouped components. */
  components: WireComponent[];
  /** Public components by id; incidents list only these, so hidden ones never leak. */
  componentById: Map<string, WireComponent>;
  /** Herald's public base URL, for shortlinks. */
  baseUrl: string;
};

export function buildWireContext(snapshot: StatusSnapshot, baseUrl: string): WireContext {
  const components = serializeComponents(snapshot);
  return {
    page: serializePage(snapshot),
    status: snapshotStatus(snapshot),
    components,
    componentById: new Map(components.map((c) => [c.id, c])),
    baseUrl,
  };
}

/** The current wire objects of the given components, in wire order, skipping any not public. */
export function wireComponentsOf(ctx: WireContext, ids: string[]): WireComponent[] {
  const wanted = new Set(ids);
  return ctx.components.filter((c) => wanted.has(c.id));
}
