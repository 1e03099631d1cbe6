import { describe, expect, it } from "vitest";
import {
  cadenceState,
  defaultCadenceMinutes,
  FALLBACK_CADENCES,
  latestUpdate,
  nextUpdateDue,
  type CadenceUpdate,
} from "./cadence-state";
import { describeCadence } from "./format-cadence";

const t0 = new Date("2026-03-02T10:00:00Z");
const at = (minutes: number, seconds = 0) =>
  new Date(t0.getTime() + minutes * 60_000 + seconds * 1000);
const update = (id: string, displayMinute: number, nextMinute: number | null): CadenceUpdate => ({
  id,
  displayAt: at(displayMinute),
  createdAt: at(displayMinute),
  nextUpdateBy: nextMinute === null ? null : at(nextMinute),
});
const sev1 = { state: "investigating" as const, cadenceMinutes: 30 };

describe("next update due", () => {
  it("is the promise made by the latest update, not the first", () => {
    const updates = [update("a", 0, 30), update("b", 20, 50)];
    expect(nextUpdateDue(sev1, updates)).toEqual(at(50));
  });

  it("orders by display time, so a backfilled update does not replace the newest promise", () => {
    const updates = [update("new", 20, 50), { ...update("backfilled", 5, 35), createdAt: at(25) }];
    expect(latestUpdate(updates)?.id).toBe("new");
  });

  it("is nothing once resolved or without a cadence", () => {
    expect(
      nextUpdateDue({ state: "resolved", cadenceMinutes: 30 }, [update("a", 0, null)]),
    ).toBeNull();
    expect(
      nextUpdateDue({ state: "monitoring", cadenceMinutes: null }, [update("a", 0, null)]),
    ).toBeNull();
  });

  it("counts from the latest update when it carried no promise", () => {
    expect(nextUpdateDue(sev1, [update("a", 10, null)])).toEqual(at(40));
  });
});

describe("cadence state", () => {
  const updates = [update("a", 0, 30)];
  it.each([
    [at(0), "ok", "Next update due in 30:00"],
    [at(24, 59), "ok", "Next update due in 5:01"],
    [at(25), "due_soon", "Update due soon: 5:00 left"],
    [at(29, 59), "due_soon", "Update due soon: 0:01 left"],
    [at(30), "overdue", "Update overdue by 1 min"],
    [at(37, 30), "overdue", "Update overdue by 8 min"],
  ])("at %s is %s: %s", (now, kind, text) => {
    const state = cadenceState(sev1, updates, now);
    expect(state.kind).toBe(kind);
    expect(describeCadence(state)).toBe(text);
  });

  it("shows long waits in hours and minutes", () => {
    const state = cadenceState(
      { state: "identified", cadenceMinutes: 240 },
      [update("a", 0, 240)],
      at(5),
    );
    expect(describeCadence(state)).toBe("Next update due in 3 h 55 min");
  });

  it("says plainly when there is no cadence", () => {
    expect(
      describeCadence(
        cadenceState({ state: "investigating", cadenceMinutes: null }, updates, at(0)),
      ),
    ).toBe("No update cadence");
  });
});

describe("default cadence", () => {
  it.each([
    ["SEV1", 30],
    ["SEV2", 60],
    ["SEV3", 240],
    ["SEV4", null],
  ] as const)("%s defaults to %s minutes", (severity, minutes) => {
    expect(defaultCadenceMinutes(FALLBACK_CADENCES, severity)).toBe(minutes);
  });

  it("follows the page's own settings", () => {
    expect(defaultCadenceMinutes({ ...FALLBACK_CADENCES, cadenceSev2: 45 }, "SEV2")).toBe(45);
  });
});
