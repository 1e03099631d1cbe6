import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import {
  createTestComponent,
  declareTestIncident,
  writeCounts,
} from "../testing/console-factories";
import { scheduleMaintenance } from "../maintenance/schedule-maintenance";
import { publishIncidentUpdate } from "./publish-incident-update";
import { resolveIncident } from "./resolve-incident";
import { formatStamp } from "@/lib/time/format";

const HOUR = 3_600_000;

describeEachEngine("dates that make no sense are refused, nothing written", ({ db }) => {
  it("a maintenance window that has already ended", async () => {
    const editor = await createMember(db(), "editor");
    const storage = await createTestComponent(db());
    const before = await writeCounts(db());
    const error = await scheduleMaintenance({
      ctx: editor,
      input: {
        title: "Firmware",
        body: "Brief read-only.",
        scheduledFor: new Date(Date.now() - 3 * HOUR).toISOString(),
        scheduledUntil: new Date(Date.now() - 2 * HOUR).toISOString(),
        components: [storage.id],
      },
    }).catch((e) => e);
    expect(error.fields).toEqual({
      scheduledUntil: "This window has already ended: pick an end in the future.",
    });
    expect(await writeCounts(db())).toEqual(before);
  });

  it("an RCA promised for a past date, and an update dated before the incident started", async () => {
    const editor = await createMember(db(), "editor");
    const declared = await declareTestIncident(editor, {
      startedAt: new Date(Date.now() - HOUR).toISOString(),
    });
    const incidentId = declared.incident.id;
    const before = await writeCounts(db());
    const rca = await resolveIncident({
      ctx: editor,
      input: { incidentId, body: "Fixed.", rcaDueOn: "2020-01-15" },
    }).catch((e) => e);
    expect(rca.fields).toEqual({ rcaDueOn: "The RCA date cannot be in the past." });
    const backdated = await publishIncidentUpdate({
      ctx: editor,
      input: {
        incidentId,
        state: "identified",
        body: "Found it.",
        displayAt: new Date(Date.now() - 2 * HOUR).toISOString(),
      },
    }).catch((e) => e);
    expect(backdated.fields).toEqual({
      displayAt: "An update cannot be dated before the incident started.",
    });
    expect(await writeCounts(db())).toEqual(before);
  });
});

it("console times name the year whenever it is not the current one", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  expect(formatStamp(new Date("2026-03-02T14:05:00Z"), "UTC", now)).toBe("Mar 2, 14:05 UTC");
  expect(formatStamp(new Date("2025-03-02T14:05:00Z"), "UTC", now)).toBe("Mar 2, 2025, 14:05 UTC");
});
