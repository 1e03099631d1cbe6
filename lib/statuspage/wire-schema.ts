import { z } from "zod";

/**
 * The Statuspage v2 public API as existing clients parse it (SPEC §8). The
 * enums are spelled out here rather than imported from the database schema:
 * this is a contract with the outside world, and a new Herald status must
 * fail these schemas instead of silently leaking onto the wire.
 *
 * Objects are strict so an extra or misspelt key fails the contract tests.
 */

const publicId = z.string().regex(/^[a-z0-9]{12}$/, "expected a 12-char lowercase alphanumeric id");
const timestamp = z.iso.datetime({ offset: true });

export const wirePage = z.strictObject({
  id: publicId,
  name: z.string().min(1),
  url: z.url(),
  time_zone: z.string().min(1),
  updated_at: timestamp,
});

export const INDICATORS = ["none", "minor", "major", "critical", "maintenance"] as const;
export const wireStatus = z.strictObject({
  indicator: z.enum(INDICATORS),
  description: z.string().min(1),
});

export const WIRE_COMPONENT_STATUSES = [
  "operational",
  "degraded_performance",
  "partial_outage",
  "major_outage",
  "under_maintenance",
] as const;
const componentStatus = z.enum(WIRE_COMPONENT_STATUSES);

const componentFields = {
  id: publicId,
  name: z.string().min(1),
  status: componentStatus,
  created_at: timestamp,
  updated_at: timestamp,
  position: z.number().int().positive(),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.iso.date().nullable(),
  group_id: publicId.nullable(),
  page_id: publicId,
  only_show_if_degraded: z.boolean(),
};

/** A leaf never carries `components`; a group always does, and is never itself grouped. */
export const wireLeafComponent = z.strictObject({ ...componentFields, group: z.literal(false) });
export const wireGroupComponent = z.strictObject({
  ...componentFields,
  group_id: z.null(),
  group: z.literal(true),
  components: z.array(publicId),
});
export const wireComponent = z.discriminatedUnion("group", [wireLeafComponent, wireGroupComponent]);

export const wireAffectedComponent = z.strictObject({
  code: publicId,
  name: z.string().min(1),
  old_status: componentStatus,
  new_status: componentStatus,
});

export const INCIDENT_STATUSES = [
  "investigating",
  "identified",
  "monitoring",
  "resolved",
  "postmortem",
] as const;
export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"] as const;

const updateFields = {
  id: publicId,
  body: z.string(),
  incident_id: publicId,
  created_at: timestamp,
  updated_at: timestamp,
  display_at: timestamp,
  affected_components: z.array(wireAffectedComponent).min(1).nullable(),
  deliver_notifications: z.boolean(),
  custom_tweet: z.null(),
  tweet_id: z.null(),
};
const incidentUpdate = z.strictObject({ ...updateFields, status: z.enum(INCIDENT_STATUSES) });
const maintenanceUpdate = z.strictObject({ ...updateFields, status: z.enum(MAINTENANCE_STATUSES) });

const eventFields = {
  id: publicId,
  name: z.string().min(1),
  created_at: timestamp,
  updated_at: timestamp,
  monitoring_at: timestamp.nullable(),
  resolved_at: timestamp.nullable(),
  shortlink: z.url(),
  started_at: timestamp,
  page_id: publicId,
  components: z.array(wireComponent),
};

export const wireIncident = z.strictObject({
  ...eventFields,
  status: z.enum(INCIDENT_STATUSES),
  impact: z.enum(["none", "minor", "major", "critical"]),
  incident_updates: z.array(incidentUpdate),
});

export const wireMaintenance = z.strictObject({
  ...eventFields,
  status: z.enum(MAINTENANCE_STATUSES),
  impact: z.literal("maintenance"),
  incident_updates: z.array(maintenanceUpdate),
  scheduled_for: timestamp,
  scheduled_until: timestamp,
});

const withPage = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ page: wirePage, ...shape });

/** Every endpoint under /api/v2/ and the body it returns. */
export const WIRE_ENDPOINTS = {
  "summary.json": withPage({
    components: z.array(wireComponent),
    incidents: z.array(wireIncident),
    scheduled_maintenances: z.array(wireMaintenance),
    status: wireStatus,
  }),
  "status.json": withPage({ status: wireStatus }),
  "components.json": withPage({ components: z.array(wireComponent) }),
  "incidents.json": withPage({ incidents: z.array(wireIncident) }),
  "incidents/unresolved.json": withPage({ incidents: z.array(wireIncident) }),
  "scheduled-maintenances.json": withPage({ scheduled_maintenances: z.array(wireMaintenance) }),
  "scheduled-maintenances/upcoming.json": withPage({
    scheduled_maintenances: z.array(wireMaintenance),
  }),
  "scheduled-maintenances/active.json": withPage({
    scheduled_maintenances: z.array(wireMaintenance),
  }),
};

export type WireEndpoint = keyof typeof WIRE_ENDPOINTS;
export const WIRE_ENDPOINT_PATHS = Object.keys(WIRE_ENDPOINTS) as WireEndpoint[];
export type WireBody<E extends WireEndpoint> = z.infer<(typeof WIRE_ENDPOINTS)[E]>;

export type WirePage = z.infer<typeof wirePage>;
export type WireStatus = z.infer<typeof wireStatus>;
export type WireComponent = z.infer<typeof wireComponent>;
export type WireLeafComponent = z.infer<typeof wireLeafComponent>;
export type WireAffectedComponent = z.infer<typeof wireAffectedComponent>;
export type WireIncident = z.infer<typeof wireIncident>;
export type WireMaintenance = z.infer<typeof wireMaintenance>;
export type WireSummary = WireBody<"summary.json">;
