import { afterEach, describe, expect, it } from "vitest";
import { nextOccurrenceAfter, nthOccurrence } from "./next-occurrence";

const NY = "America/New_York";

describe("recurring maintenance times", () => {
  it("keeps the local time across a daylight-saving change", () => {
    // Sunday 1 March 2026, 02:30 in New York (EST, UTC-5); DST starts 8 March.
    const anchor = new Date("2026-03-01T07:30:00Z");
    expect(nthOccurrence(anchor, "weekly", 1, NY).toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(nthOccurrence(anchor, "weekly", 2, NY).toISOString()).toBe("2026-03-15T06:30:00.000Z");
    expect(nthOccurrence(anchor, "daily", 14, NY).toISOString()).toBe("2026-03-15T06:30:00.000Z");
  });

  it("runs a monthly window on the month's last day when it has no such day", () => {
    const anchor = new Date("2026-01-31T22:00:00Z"); // 31 January, 17:00 in New York
    expect(nthOccurrence(anchor, "monthly", 1, NY).toISOString()).toBe("2026-02-28T22:00:00.000Z");
    expect(nthOccurrence(anchor, "monthly", 2, NY).toISOString()).toBe("2026-03-31T21:00:00.000Z");
  });

  it("finds the next occurrence after any moment, also years on", () => {
    const anchor = new Date("2026-03-01T07:30:00Z");
    const after = new Date("2029-06-10T00:00:00Z");
    const next = nextOccurrenceAfter(anchor, "weekly", after, NY);
    expect(next > after).toBe(true);
    expect(next.getTime() - after.getTime()).toBeLessThanOrEqual(7 * 86_400_000);
    expect(nextOccurrenceAfter(anchor, "monthly", after, NY).toISOString()).toBe(
      "2029-07-01T06:30:00.000Z",
    );
    expect(nextOccurrenceAfter(anchor, "daily", anchor, NY).toISOString()).toBe(
      "2026-03-02T07:30:00.000Z",
    );
  });

  const hostZone = process.env.TZ;
  afterEach(() => {
    if (hostZone === undefined) delete process.env.TZ;
    else process.env.TZ = hostZone;
  });

  it.each(["UTC", "Asia/Tokyo", "America/Los_Angeles", "Europe/Berlin"])(
    "a time that occurs twice as clocks go back is its first occurrence, on a server in %s",
    (host) => {
      process.env.TZ = host;
      // Sunday 25 October 2026, 01:30 in New York (EDT, UTC-4); clocks go back at 02:00 on 1 November.
      const anchor = new Date("2026-10-25T05:30:00Z");
      expect(nthOccurrence(anchor, "weekly", 1, NY).toISOString()).toBe("2026-11-01T05:30:00.000Z");
      expect(nthOccurrence(anchor, "weekly", 2, NY).toISOString()).toBe("2026-11-08T06:30:00.000Z");
    },
  );
});
