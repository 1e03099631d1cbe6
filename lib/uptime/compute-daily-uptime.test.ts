import { describe, expect, it } from "vitest";
import { computeDailyMinutes, uptimeOver } from "./compute-daily-uptime";

const at = (iso: string) => new Date(iso);
const LATER = at("2030-01-01T00:00:00Z");

describe("daily uptime arithmetic", () => {
  it("counts a major outage fully and a partial outage at 0.3", () => {
    const [day] = computeDailyMinutes({
      days: ["2026-03-10"],
      timeZone: "UTC",
      now: LATER,
      changes: [
        { at: at("2026-03-10T10:00:00Z"), toStatus: "major_outage" },
        { at: at("2026-03-10T11:00:00Z"), toStatus: "partial_outage" },
        { at: at("2026-03-10T13:00:00Z"), toStatus: "operational" },
      ],
    });
    expect(day).toMatchObject({
      observedMinutes: 1440,
      majorMinutes: 60,
      partialMinutes: 120,
      downtimeMinutes: 60 + 0.3 * 120,
    });
    expect(uptimeOver([day!])).toBeCloseTo(1 - 96 / 1440, 10);
  });

  it("counts degraded performance and maintenance as up", () => {
    const days = computeDailyMinutes({
      days: ["2026-03-10"],
      timeZone: "UTC",
      now: LATER,
      changes: [
        { at: at("2026-03-10T01:00:00Z"), toStatus: "degraded_performance" },
        { at: at("2026-03-10T05:00:00Z"), toStatus: "under_maintenance" },
        { at: at("2026-03-10T09:00:00Z"), toStatus: "operational" },
      ],
    });
    expect(uptimeOver(days)).toBe(1);
  });

  it("splits an outage spanning midnight between the two days", () => {
    const [d1, d2] = computeDailyMinutes({
      days: ["2026-03-10", "2026-03-11"],
      timeZone: "UTC",
      now: LATER,
      changes: [
        { at: at("2026-03-10T23:30:00Z"), toStatus: "major_outage" },
        { at: at("2026-03-11T00:45:00Z"), toStatus: "operational" },
      ],
    });
    expect(d1!.majorMinutes).toBe(30);
    expect(d2!.majorMinutes).toBe(45);
  });

  it("counts days in the page's time zone, not UTC", () => {
    // 03:00–05:00 UTC on the 11th is 23:00–01:00 in New York (EDT, UTC−4): it straddles New York's midnight.
    const [d10, d11] = computeDailyMinutes({
      days: ["2026-06-10", "2026-06-11"],
      timeZone: "America/New_York",
      now: LATER,
      changes: [
        { at: at("2026-06-11T03:00:00Z"), toStatus: "major_outage" },
        { at: at("2026-06-11T05:00:00Z"), toStatus: "operational" },
      ],
    });
    expect(d10!.majorMinutes).toBe(60);
    expect(d11!.majorMinutes).toBe(60);
  });

  it("knows a DST day is 23 or 25 hours long", () => {
    const [springForward, fallBack] = computeDailyMinutes({
      days: ["2026-03-08", "2026-11-01"],
      timeZone: "America/New_York",
      now: LATER,
      changes: [],
    });
    expect(springForward!.observedMinutes).toBe(23 * 60);
    expect(fallBack!.observedMinutes).toBe(25 * 60);
  });

  it("carries the status in force before the first day into it", () => {
    const [day] = computeDailyMinutes({
      days: ["2026-03-12"],
      timeZone: "UTC",
      now: LATER,
      changes: [
        { at: at("2026-03-10T08:00:00Z"), toStatus: "major_outage" },
        { at: at("2026-03-12T06:00:00Z"), toStatus: "operational" },
      ],
    });
    expect(day!.majorMinutes).toBe(360);
  });

  it("counts an incident open right now only up to now, and a future day not at all", () => {
    const now = at("2026-03-10T12:00:00Z");
    const [today, tomorrow] = computeDailyMinutes({
      days: ["2026-03-10", "2026-03-11"],
      timeZone: "UTC",
      now,
      changes: [{ at: at("2026-03-10T11:00:00Z"), toStatus: "major_outage" }],
    });
    expect(today).toMatchObject({ observedMinutes: 720, majorMinutes: 60 });
    expect(uptimeOver([today!])).toBeCloseTo(1 - 60 / 720, 10);
    expect(tomorrow!.observedMinutes).toBe(0);
    expect(uptimeOver([tomorrow!])).toBeNull();
  });
});
