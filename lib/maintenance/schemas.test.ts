import { describe, expect, it } from "vitest";
import { scheduleMaintenanceSchema } from "./schemas";

const valid = {
  title: "Database upgrade",
  body: "Brief read-only period.",
  scheduledFor: new Date(Date.now() + 3_600_000).toISOString(),
  scheduledUntil: new Date(Date.now() + 7_200_000).toISOString(),
  components: ["abc"],
};

describe("scheduling a maintenance window: bad times are refused with a reason, never a crash", () => {
  it.each([
    ["scheduledUntil", "not a date", "Enter a valid end time."],
    ["scheduledUntil", "", "Pick the end time."],
    ["scheduledUntil", "   ", "Pick the end time."],
    ["scheduledFor", "", "Pick the start time."],
    ["scheduledFor", "%3Cscript%3E", "Enter a valid start time."],
  ])("%s = %j", (field, value, message) => {
    const parsed = scheduleMaintenanceSchema.safeParse({
      ...valid,
      repeat: "weekly",
      [field]: value,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toContain(message);
  });

  it("an unreadable repeat end is refused too", () => {
    const parsed = scheduleMaintenanceSchema.safeParse({
      ...valid,
      repeat: "weekly",
      repeatUntil: "31/31/31",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toContain("repeatUntil");
  });
});
