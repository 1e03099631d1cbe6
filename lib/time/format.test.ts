import { expect, it } from "vitest";
import { formatShortDay, formatStamp, formatTime } from "./format";

it("stamps a moment in the page's zone, 24-hour, zone named, year only when not this year", () => {
  const now = new Date("2031-06-01T12:00:00Z");
  const moment = new Date("2031-03-01T19:30:00Z");
  expect(formatStamp(moment, "America/New_York", now)).toBe("Mar 1, 14:30 EST");
  expect(formatStamp(moment, "Asia/Tokyo", now)).toBe("Mar 2, 04:30 GMT+9");
  expect(formatStamp(new Date("2030-12-31T23:30:00Z"), "UTC", now)).toBe("Dec 31, 2030, 23:30 UTC");
  // The year as the page's zone reads it: already 2031 in Tokyo.
  expect(formatStamp(new Date("2030-12-31T23:30:00Z"), "Asia/Tokyo", now)).toBe(
    "Jan 1, 08:30 GMT+9",
  );
  expect(formatTime(moment, "Europe/Berlin")).toBe("20:30 GMT+1");
});

it("says a promised day without its year when it is this year", () => {
  expect(formatShortDay("2026-12-04", "2026-05-10")).toBe("Dec 4");
  expect(formatShortDay("2027-12-04", "2026-05-10")).toBe("Dec 4, 2027");
  expect(formatShortDay("2027-01-04", "2026-12-31")).toBe("Jan 4, 2027");
});
