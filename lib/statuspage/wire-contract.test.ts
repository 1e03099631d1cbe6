import { beforeAll, expect, it } from "vitest";
import { seedDemoData } from "../db/seed";
import { buildStatusSnapshot } from "../public/status-snapshot";
import { describeEachEngine } from "../testing/databases";
import { renderStatuspageEndpoint } from "./statuspage-endpoints";
import { readWire, TEST_BASE_URL } from "./test-helpers";
import { WIRE_ENDPOINT_PATHS, WIRE_ENDPOINTS } from "./wire-schema";

describeEachEngine("Statuspage wire contract on the demo page", ({ db }) => {
  beforeAll(async () => {
    await seedDemoData(db());
  });

  it.each(WIRE_ENDPOINT_PATHS)("%s matches the wire schema", async (endpoint) => {
    const body = (await readWire(db()))(endpoint);
    const result = WIRE_ENDPOINTS[endpoint].safeParse(body);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("lists something on every list endpoint except active maintenance, so the contract is exercised", async () => {
    const wire = await readWire(db());
    expect(wire("components.json").components.length).toBeGreaterThan(0);
    expect(wire("incidents.json").incidents.length).toBeGreaterThan(0);
    expect(wire("incidents/unresolved.json").incidents.length).toBeGreaterThan(0);
    expect(wire("scheduled-maintenances.json").scheduled_maintenances.length).toBeGreaterThan(0);
    expect(
      wire("scheduled-maintenances/upcoming.json").scheduled_maintenances.length,
    ).toBeGreaterThan(0);
  });

  it("renders byte-identical bodies when nothing changed, so ETags revalidate", async () => {
    const [first, second] = await Promise.all([
      buildStatusSnapshot(db()),
      buildStatusSnapshot(db()),
    ]);
    for (const endpoint of WIRE_ENDPOINT_PATHS) {
      expect(renderStatuspageEndpoint(endpoint, second, TEST_BASE_URL)).toBe(
        renderStatuspageEndpoint(endpoint, first, TEST_BASE_URL),
      );
    }
  });
});

describeEachEngine("Statuspage wire contract on an empty page", ({ db }) => {
  it.each(WIRE_ENDPOINT_PATHS)("%s matches the wire schema", async (endpoint) => {
    const body = (await readWire(db()))(endpoint);
    const result = WIRE_ENDPOINTS[endpoint].safeParse(body);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("says all systems are operational and sends empty lists rather than leaving keys out", async () => {
    const summary = (await readWire(db()))("summary.json");
    expect(summary.status).toEqual({ indicator: "none", description: "All Systems Operational" });
    expect(summary).toMatchObject({ components: [], incidents: [], scheduled_maintenances: [] });
    expect(Object.keys(summary)).toEqual([
      "page",
      "components",
      "incidents",
      "scheduled_maintenances",
      "status",
    ]);
  });
});
