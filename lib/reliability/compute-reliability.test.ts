import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import type { Db } from "../db/client";
import {
  components,
  componentStatusEvents,
  incidentComponents,
  incidents,
  incidentUpdates,
  postmortems,
  type ComponentStatus,
  type Severity,
} from "../db/schema";
import { computeReliability, parseReliabilityWindow } from "./compute-reliability";
import { shareRatio } from "./summarize-incidents";

const now = new Date("2026-05-20T12:00:00Z");
const t = (iso: string) => new Date(`2026-${iso}:00Z`);
const sections = {
  summary: "",
  impact: "",
  timeline: "",
  rootCause: "",
  resolution: "",
  wentWell: "",
  wentBadly: "",
};

type Spec = {
  severity: Severity;
  startedAt: string;
  resolvedAt?: string;
  affects: string[];
  /** [displayAt, nextUpdateBy | null] */
  updates: [string, string | null][];
  rca?: "published" | "draft";
};

async function incident(db: Db, spec: Spec) {
  const [row] = await db
    .insert(incidents)
    .values({
      title: spec.startedAt,
      severity: spec.severity,
      impact: "major",
      state: spec.resolvedAt ? "resolved" : "investigating",
      startedAt: t(spec.startedAt),
      resolvedAt: spec.resolvedAt ? t(spec.resolvedAt) : null,
    })
    .returning();
  const id = row!.id;
  if (spec.affects.length)
    await db.insert(incidentComponents).values(
      spec.affects.map((componentId) => ({
        incidentId: id,
        componentId,
        status: "major_outage" as const,
      })),
    );
  await db.insert(incidentUpdates).values(
    spec.updates.map(([at, next]) => ({
      incidentId: id,
      state: "investigating" as const,
      body: "…",
      displayAt: t(at),
      nextUpdateBy: next ? t(next) : null,
    })),
  );
  if (spec.rca)
    await db.insert(postmortems).values({
      incidentId: id,
      sections,
      state: spec.rca,
      publishedRevision: spec.rca === "published" ? 1 : 0,
    });
}

describeEachEngine("computeReliability", ({ db }) => {
  it("derives uptime, incidents, time to resolve, RCA share and kept promises from the data", async () => {
    const component = async (name: string, visible = true) =>
      (
        await db().insert(components).values({ name, startDate: "2026-01-01", visible }).returning()
      )[0]!.id;
    const api = await component("API");
    const web = await component("Web");
    const hidden = await component("Internal", false);
    const status = (componentId: string, at: string, toStatus: ComponentStatus) =>
      db()
        .insert(componentStatusEvents)
        .values({ componentId, at: t(at), toStatus, cause: "incident" });
    await status(api, "05-10T10:00", "major_outage");
    await status(api, "05-10T11:30", "operational");
    await status(web, "05-15T00:00", "partial_outage");
    await status(web, "05-15T04:00", "operational");
    await status(web, "05-20T11:00", "degraded_performance");

    // SEV1 on API, 90 min, RCA published. Promises: 10:30 kept (10:25), 10:55 late (11:10), 11:40 kept (resolved 11:30).
    await incident(db(), {
      severity: "SEV1",
      startedAt: "05-10T10:00",
      resolvedAt: "05-10T11:30",
      affects: [api],
      rca: "published",
      updates: [
        ["05-10T10:00", "05-10T10:30"],
        ["05-10T10:25", "05-10T10:55"],
        ["05-10T11:10", "05-10T11:40"],
        ["05-10T11:30", null],
      ],
    });
    // SEV2 on API and Web, 240 min, RCA only drafted. One promise, answered exactly on time.
    await incident(db(), {
      severity: "SEV2",
      startedAt: "05-15T00:00",
      resolvedAt: "05-15T04:00",
      affects: [api, web],
      rca: "draft",
      updates: [
        ["05-15T00:00", "05-15T01:00"],
        ["05-15T01:00", null],
        ["05-15T04:00", null],
      ],
    });
    // SEV3 on Web, still open; its promise (13:00) is not due yet, so it is left out.
    await incident(db(), {
      severity: "SEV3",
      startedAt: "05-20T11:00",
      affects: [web],
      updates: [["05-20T11:00", "05-20T13:00"]],
    });
    // SEV2 on a hidden component, started before the window (Apr 21) and resolved inside it: 240 min, no RCA.
    // Its first promise was made before the window (ignored); the second (01:30) was late (resolved 02:00).
    await incident(db(), {
      severity: "SEV2",
      startedAt: "04-20T22:00",
      resolvedAt: "04-21T02:00",
      affects: [hidden],
      updates: [
        ["04-20T22:00", "04-20T22:30"],
        ["04-21T01:00", "04-21T01:30"],
        ["04-21T02:00", null],
      ],
    });
    // SEV4 long before the window: counts nowhere.
    await incident(db(), {
      severity: "SEV4",
      startedAt: "03-01T00:00",
      resolvedAt: "03-01T01:00",
      affects: [],
      rca: "published",
      updates: [["03-01T00:00", null]],
    });

    const report = await computeReliability(db(), { days: 30, now, timeZone: "UTC" });
    expect(report.firstDay).toBe("2026-04-21");

    // 29 whole days and 12 hours of today, per component.
    const observed = 29 * 1440 + 720;
    const { overall } = report;
    expect(overall.uptime).toBeCloseTo(1 - (90 + 240 * 0.3) / (2 * observed), 9);
    expect(overall.incidentsBySeverity).toEqual({ SEV1: 1, SEV2: 2, SEV3: 1, SEV4: 0 });
    expect(overall.incidentCount).toBe(4);
    expect(overall.meanMinutesToResolve).toBe((90 + 240 + 240) / 3);
    expect(overall.rcaPublished).toEqual({ hits: 1, total: 3 });
    expect(overall.updatesOnTime).toEqual({ hits: 3, total: 5 });

    expect(report.components.map((c) => c.name)).toEqual(["API", "Web"]);
    const [apiFigures, webFigures] = report.components.map((c) => c.figures);
    expect(apiFigures).toMatchObject({
      uptime: 1 - 90 / observed,
      incidentsBySeverity: { SEV1: 1, SEV2: 1, SEV3: 0, SEV4: 0 },
      meanMinutesToResolve: (90 + 240) / 2,
      rcaPublished: { hits: 1, total: 2 },
      updatesOnTime: { hits: 3, total: 4 },
    });
    expect(shareRatio(apiFigures!.rcaPublished)).toBe(0.5);
    expect(webFigures).toMatchObject({
      incidentsBySeverity: { SEV1: 0, SEV2: 1, SEV3: 1, SEV4: 0 },
      meanMinutesToResolve: 240,
      rcaPublished: { hits: 0, total: 1 },
      updatesOnTime: { hits: 1, total: 1 },
    });
    expect(webFigures!.uptime).toBeCloseTo(1 - 72 / observed, 9);

    // A year includes the SEV4 and its RCA; nothing else changes in the incident counts.
    const year = await computeReliability(db(), { days: 365, now, timeZone: "UTC" });
    expect(year.overall.incidentsBySeverity).toEqual({ SEV1: 1, SEV2: 2, SEV3: 1, SEV4: 1 });
    expect(year.overall.rcaPublished).toEqual({ hits: 2, total: 4 });
    // The 22:30 promise, made the evening before (late: the next update came at 01:00), now falls inside the window.
    expect(year.overall.updatesOnTime).toEqual({ hits: 3, total: 6 });
  });
});

it("a window other than 30, 90 or 365 days falls back to 90", () => {
  expect([
    parseReliabilityWindow("30"),
    parseReliabilityWindow("365"),
    parseReliabilityWindow("7"),
    parseReliabilityWindow(undefined),
  ]).toEqual([30, 365, 90, 90]);
});
