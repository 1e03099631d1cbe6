import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { incidents } from "../db/schema";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { declareTestIncident } from "../testing/console-factories";
import { loadPastIncidents } from "./past-incidents";
import { invalidatePublicCache } from "./public-cache";

describeEachEngine("past incidents on the status page", ({ db }) => {
  it("lists the last days in the page's zone, today first, quiet days included", async () => {
    const editor = await createMember(db(), "editor");
    const now = new Date("2026-03-10T15:00:00Z");
    const today = await declareTestIncident(editor, { title: "Checkout errors today" });
    const earlier = await declareTestIncident(editor, { title: "Slow search, three days ago" });
    const tooOld = await declareTestIncident(editor, { title: "Outage eight days ago" });
    // 02:30 UTC on 7 March is still 6 March in New York: days are the page's days.
    const dates = [
      [today.incident.id, "2026-03-10T13:00:00Z"],
      [earlier.incident.id, "2026-03-07T02:30:00Z"],
      [tooOld.incident.id, "2026-03-02T12:00:00Z"],
    ] as const;
    for (const [id, at] of dates)
      await db()
        .update(incidents)
        .set({ startedAt: new Date(at) })
        .where(eq(incidents.id, id));
    invalidatePublicCache();

    const { value } = await loadPastIncidents(async () => db(), {
      days: 7,
      timeZone: "America/New_York",
      now,
    });
    expect(value.map((d) => d.day)).toEqual([
      "2026-03-10",
      "2026-03-09",
      "2026-03-08",
      "2026-03-07",
      "2026-03-06",
      "2026-03-05",
      "2026-03-04",
    ]);
    const titles = (day: string) => value.find((d) => d.day === day)!.incidents.map((i) => i.title);
    expect(titles("2026-03-10")).toEqual(["Checkout errors today"]);
    expect(titles("2026-03-06")).toEqual(["Slow search, three days ago"]);
    expect(titles("2026-03-07")).toEqual([]);
    expect(value.flatMap((d) => d.incidents.map((i) => i.title))).not.toContain(
      "Outage eight days ago",
    );
  });

  it("shows nothing when the page hides past incidents (0 days)", async () => {
    const { value } = await loadPastIncidents(async () => db(), { days: 0, timeZone: "UTC" });
    expect(value).toEqual([]);
  });
});
