import { z } from "zod";
import { COMPONENT_STATUSES } from "../db/schema/enums";
import { safeString } from "../validation/safe-string";

/**
 * What Herald reads of a Statuspage v2 summary.json (Herald's own /api/v2 and
 * Atlassian Statuspage alike). Lenient: unknown keys are ignored, since real
 * pages carry more than the documented fields; only what Herald uses must be right.
 * Strings go through safeString: a NUL from an upstream would otherwise fail the insert.
 */
const text = safeString().min(1).max(500);
const upstreamComponent = z.object({
  id: safeString().min(1).max(100),
  name: text,
  status: z.enum(COMPONENT_STATUSES),
  position: z.number().int().optional(),
  group: z.boolean().optional(),
  group_id: safeString().max(100).nullish(),
  components: z.array(safeString().max(100)).optional(),
});

const upstreamIncident = z.object({
  id: safeString().min(1).max(100),
  name: text,
  status: safeString().max(50),
  impact: safeString().max(50).default("none"),
  shortlink: safeString().max(500).nullish(),
  components: z
    .array(z.object({ id: safeString().max(100) }))
    .max(1000)
    .default([]),
  incident_updates: z
    .array(
      z.object({
        body: safeString().max(20_000).default(""),
        affected_components: z.array(z.object({ code: safeString().max(100) })).nullish(),
      }),
    )
    .max(500)
    .default([]),
});

export const upstreamSummarySchema = z.object({
  page: z.object({ name: text, url: safeString().max(500).optional() }),
  components: z.array(upstreamComponent).max(5000),
  incidents: z.array(upstreamIncident).max(500).default([]),
});
export type UpstreamSummary = z.output<typeof upstreamSummarySchema>;
export type UpstreamSummaryIncident = UpstreamSummary["incidents"][number];

/** Upstream component ids an incident touches: its components, and those its updates changed. */
export function touchedComponentIds(incident: UpstreamSummaryIncident): string[] {
  const ids = new Set(incident.components.map((c) => c.id));
  for (const update of incident.incident_updates)
    for (const c of update.affected_components ?? []) ids.add(c.code);
  return [...ids];
}

/** Leaf components with the name of the group they sit in (groups themselves are not pickable). */
export function leafComponents(summary: UpstreamSummary) {
  const groups = new Map(summary.components.filter((c) => c.group).map((g) => [g.id, g.name]));
  return summary.components
    .filter((c) => !c.group)
    .map((c, index) => ({
      externalId: c.id,
      name: c.name,
      groupName: (c.group_id && groups.get(c.group_id)) || null,
      status: c.status,
      position: index + 1,
    }));
}
