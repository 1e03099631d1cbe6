import type { ComponentStatus } from "../db/schema";
import type { Indicator } from "../public/overall-status";
import type { StatusSnapshot } from "../public/status-snapshot";
import { snapshotStatus } from "../statuspage/page-status";
import { serializeComponents } from "../statuspage/serialize-component";

/** What a badge says, before styling: the shields.io endpoint format carries exactly this. */
export type BadgeContent = { label: string; message: string; color: string };

/** Shields' named colours, so Herald badges sit naturally beside the usual README badges. */
const OVERALL: Record<Indicator, Omit<BadgeContent, "label">> = {
  none: { message: "operational", color: "brightgreen" },
  minor: { message: "minor outage", color: "yellow" },
  major: { message: "partial outage", color: "orange" },
  critical: { message: "major outage", color: "red" },
  maintenance: { message: "maintenance", color: "blue" },
};

const COMPONENT: Record<ComponentStatus, Omit<BadgeContent, "label">> = {
  operational: { message: "operational", color: "brightgreen" },
  degraded_performance: { message: "degraded performance", color: "yellow" },
  partial_outage: { message: "partial outage", color: "orange" },
  major_outage: { message: "major outage", color: "red" },
  under_maintenance: { message: "under maintenance", color: "blue" },
};

export const UNKNOWN_COMPONENT_BADGE: BadgeContent = {
  label: "status",
  message: "unknown component",
  color: "lightgrey",
};

export function overallBadge(snapshot: StatusSnapshot): BadgeContent {
  return { label: "status", ...OVERALL[snapshotStatus(snapshot).indicator] };
}

/** A public component's (or group's) status, labelled with its name; null when no such public component exists. */
export function componentBadge(snapshot: StatusSnapshot, id: string): BadgeContent | null {
  const component = serializeComponents(snapshot).find((c) => c.id === id);
  return component ? { label: component.name, ...COMPONENT[component.status] } : null;
}
