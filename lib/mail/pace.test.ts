import { describe, expect, it } from "vitest";
import { spacedBy } from "./resend-transport";

describe("spacedBy (Resend pacing)", () => {
  it("spaces back-to-back calls evenly and lets a call after a pause go at once", async () => {
    let now = 0;
    const waits: number[] = [];
    const pace = spacedBy(500, {
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    await pace();
    await pace();
    await pace();
    expect(waits).toEqual([500, 500]);
    now += 5_000;
    await pace();
    expect(waits).toEqual([500, 500]);
  });
});
