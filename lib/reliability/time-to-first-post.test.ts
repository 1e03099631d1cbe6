import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { incidents, incidentUpdates } from "../db/schema";
import { median, medianMinutesToFirstPost, minutesToFirstPost } from "./time-to-first-post";
import { computeReliability } from "./compute-reliability";

const at = (iso: string) => new Date(`2026-05-${iso}Z`);

it("counts from the start to the earliest published update, never below zero", () => {
  const start = at("10T10:00:00");
  expect(minutesToFirstPost(start, [])).toBeNull();
  expect(
    minutesToFirstPost(start, [{ displayAt: at("10T10:30:00") }, { displayAt: at("10T10:12:00") }]),
  ).toBe(12);
  expect(minutesToFirstPost(start, [{ displayAt: at("10T09:00:00") }])).toBe(0);
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([])).toBeNull();
});

describeEachEngine("time to first public post", ({ db }) => {
  it("reports the median over incidents started in the window, on /reliability and the dashboard", async () => {
    const spec: [start: string, firstPost: string | null][] = [
      ["10T10:00:00", "10T10:04:00"],
      ["11T10:00:00", "11T10:10:00"],
      ["12T10:00:00", "12T11:00:00"],
      ["13T10:00:00", null],
    ];
    for (const [start, post] of spec) {
      const [incident] = await db()
        .insert(incidents)
        .values({ title: "t", severity: "SEV2", impact: "major", startedAt: at(start) })
        .returning();
      if (post)
        await db()
          .insert(incidentUpdates)
          .values({
            incidentId: incident!.id,
            state: "investigating",
            body: "b",
            displayAt: at(post),
          });
    }
    const now = at("20T00:00:00");
    const report = await computeReliability(db(), { days: 30, now, timeZone: "UTC" });
    expect(report.overall.medianMinutesToFirstPost).toBe(10);
    expect(await medianMinutesToFirstPost(db(), at("11T00:00:00"))).toBe(35);
  });
});
