import { eq } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/context";
import { maintenances } from "@/lib/db/schema";
import { scheduleMaintenance } from "@/lib/maintenance/schedule-maintenance";
import { describeEachEngine } from "@/lib/testing/databases";
import { createMember } from "@/lib/testing/factories";
import { createTestComponent, writeCounts } from "@/lib/testing/console-factories";

/** The action runs as whoever the test says is signed in; cache refreshes are Next's business. */
let signedIn: Ctx;
vi.mock("@/app/_lib/request-context", () => ({ requestCtx: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
const { transitionMaintenanceAction } = await import("./actions");

const HOUR = 3_600_000;

describeEachEngine("maintenance lifecycle buttons", ({ db }) => {
  let maintenanceId: string;
  beforeEach(async () => {
    signedIn = await createMember(db(), "editor");
    const component = await createTestComponent(db());
    ({ id: maintenanceId } = await scheduleMaintenance({
      ctx: signedIn,
      input: {
        title: "Database upgrade",
        body: "Writes may be slow.",
        scheduledFor: new Date(Date.now() + HOUR).toISOString(),
        scheduledUntil: new Date(Date.now() + 2 * HOUR).toISOString(),
        components: [component.id],
      },
    }));
  });
  const press = (step: string) => {
    const form = new FormData();
    form.set("step", step);
    form.set("maintenanceId", maintenanceId);
    return transitionMaintenanceAction({ ok: false }, form);
  };
  const stateOf = async () =>
    (await db().select().from(maintenances).where(eq(maintenances.id, maintenanceId)))[0]!.state;

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])(
    "a forged step=%s is refused, not reported as done, and changes nothing",
    async (step) => {
      const before = await writeCounts(db());
      expect(await press(step)).toEqual({ ok: false, message: "Unknown step." });
      expect(await stateOf()).toBe("scheduled");
      expect(await writeCounts(db())).toEqual(before);
    },
  );

  it("a real step still runs the transition", async () => {
    expect(await press("start")).toEqual({ ok: true, message: "Maintenance updated." });
    expect(await stateOf()).toBe("in_progress");
  });
});
