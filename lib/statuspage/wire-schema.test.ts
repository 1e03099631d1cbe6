import { describe, expect, it } from "vitest";
import { wireComponent, wireIncident } from "./wire-schema";

const leaf = {
  id: "abcdefghij12",
  name: "API",
  status: "operational",
  created_at: "2024-01-01T00:00:00.000Z",
  updated_at: "2024-01-01T00:00:00.000Z",
  position: 1,
  description: null,
  showcase: true,
  start_date: "2024-01-01",
  group_id: null,
  page_id: "pagepagepage",
  group: false,
  only_show_if_degraded: false,
};

const incident = {
  id: "incident0001",
  name: "Outage",
  status: "investigating",
  created_at: "2024-01-01T00:00:00.000Z",
  updated_at: "2024-01-01T00:00:00.000Z",
  monitoring_at: null,
  resolved_at: null,
  impact: "major",
  shortlink: "https://status.example.test/incidents/incident0001",
  started_at: "2024-01-01T00:00:00.000Z",
  page_id: "pagepagepage",
  incident_updates: [],
  components: [leaf],
};

/** The schema is what the contract tests trust; it must reject what a Statuspage client would choke on. */
describe("wire schema", () => {
  it("accepts a leaf and a group with member ids", () => {
    expect(wireComponent.safeParse(leaf).success).toBe(true);
    expect(wireComponent.safeParse({ ...leaf, group: true, components: [leaf.id] }).success).toBe(
      true,
    );
    expect(wireIncident.safeParse(incident).success).toBe(true);
  });

  it.each([
    ["a leaf carrying `components`", { ...leaf, components: [] }],
    ["a group without `components`", { ...leaf, group: true }],
    ["an unknown key", { ...leaf, visible: true }],
    ["a missing key", (({ showcase: _s, ...rest }) => rest)(leaf)],
    ["an id that is not 12 lowercase alphanumerics", { ...leaf, id: "ABC-123" }],
    ["a status Statuspage does not know", { ...leaf, status: "down" }],
    ["a time that is not ISO-8601", { ...leaf, updated_at: "yesterday" }],
  ])("rejects %s", (_what, value) => {
    expect(wireComponent.safeParse(value).success).toBe(false);
  });

  it("rejects an update with an empty affected_components list (Statuspage sends null)", () => {
    const update = {
      id: "update000001",
      status: "investigating",
      body: "Looking into it.",
      incident_id: incident.id,
      created_at: incident.created_at,
      updated_at: incident.created_at,
      display_at: incident.created_at,
      affected_components: [],
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    };
    expect(wireIncident.safeParse({ ...incident, incident_updates: [update] }).success).toBe(false);
    expect(
      wireIncident.safeParse({
        ...incident,
        incident_updates: [{ ...update, affected_components: null }],
      }).success,
    ).toBe(true);
  });
});
