import { afterEach, describe, expect, it } from "vitest";
import {
  instantToWallClock,
  isSkippedWallClock,
  wallClockToInstant,
  zoneAbbreviation,
} from "./wall-clock";

const iso = (value: string, timeZone: string) => wallClockToInstant(value, timeZone)?.toISOString();

// The browser runs this in the viewer's zone, the server in its own: both must agree.
const HOST_ZONES = ["UTC", "Asia/Tokyo", "America/Los_Angeles", "Europe/Berlin"];
const hostZone = process.env.TZ;
afterEach(() => {
  if (hostZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostZone;
});

describe.each(HOST_ZONES)("wall clock ↔ instant, run in %s", (host) => {
  it("reads a time in the page's zone, not the zone the code runs in", () => {
    process.env.TZ = host;
    expect(iso("2031-03-01T14:30", "America/New_York")).toBe("2031-03-01T19:30:00.000Z");
    expect(instantToWallClock(new Date("2031-03-01T19:30:00Z"), "America/New_York")).toBe(
      "2031-03-01T14:30",
    );
  });

  it("handles zones far from UTC, on the other side of the date line", () => {
    process.env.TZ = host;
    expect(iso("2026-01-01T00:00", "Pacific/Kiritimati")).toBe("2025-12-31T10:00:00.000Z");
    expect(iso("2026-01-01T00:00", "Pacific/Pago_Pago")).toBe("2026-01-01T11:00:00.000Z");
    expect(iso("2026-06-30T23:59", "Asia/Kathmandu")).toBe("2026-06-30T18:14:00.000Z");
    expect(instantToWallClock(new Date("2025-12-31T10:00:00Z"), "Pacific/Kiritimati")).toBe(
      "2026-01-01T00:00",
    );
  });

  it("reads a time skipped by clocks going forward as after the jump", () => {
    process.env.TZ = host;
    // New York, 8 Mar 2026: 02:00 EST becomes 03:00 EDT; 02:30 never shows.
    expect(iso("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(isSkippedWallClock("2026-03-08T02:30", "America/New_York")).toBe(true);
    expect(isSkippedWallClock("2026-03-08T03:30", "America/New_York")).toBe(false);
    // Lord Howe moves by half an hour: 02:00 becomes 02:30.
    expect(iso("2026-10-04T02:15", "Australia/Lord_Howe")).toBe("2026-10-03T15:45:00.000Z");
  });

  it("reads a time that occurs twice as clocks go back as its first occurrence", () => {
    process.env.TZ = host;
    // New York, 1 Nov 2026: 01:30 EDT, then 01:30 EST an hour later.
    expect(iso("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    // Berlin, 25 Oct 2026: 02:30 CEST, then 02:30 CET.
    expect(iso("2026-10-25T02:30", "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z");
    // Lord Howe, 5 Apr 2026: 01:45 at +11, then at +10:30.
    expect(iso("2026-04-05T01:45", "Australia/Lord_Howe")).toBe("2026-04-04T14:45:00.000Z");
    // The hour after the overlap is not moved.
    expect(iso("2026-11-01T03:30", "America/New_York")).toBe("2026-11-01T08:30:00.000Z");
    expect(isSkippedWallClock("2026-11-01T01:30", "America/New_York")).toBe(false);
  });
});

it("refuses what is not a reading", () => {
  for (const value of ["", "2026-03-08", "14:30", "2026-03-08 14:30", "next tuesday"])
    expect(wallClockToInstant(value, "Europe/Berlin")).toBeNull();
});

it("accepts a reading with seconds, to the minute", () => {
  expect(iso("2031-03-01T14:30:00", "Europe/Berlin")).toBe("2031-03-01T13:30:00.000Z");
});

it("names the zone as it reads at that instant", () => {
  expect(zoneAbbreviation(new Date("2031-01-15T12:00:00Z"), "America/New_York")).toBe("EST");
  expect(zoneAbbreviation(new Date("2031-07-15T12:00:00Z"), "America/New_York")).toBe("EDT");
  expect(zoneAbbreviation(new Date("2031-07-15T12:00:00Z"), "Asia/Tokyo")).toBe("GMT+9");
});
