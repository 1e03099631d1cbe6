import { describe, expect, it } from "vitest";
import type { IncidentState } from "../db/schema/enums";
import { reminderFor, type ReminderMember } from "./reminders";

const t0 = new Date("2026-03-02T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const members: ReminderMember[] = [
  { id: "lead", email: "lead@acme.test", role: "editor" },
  { id: "ed", email: "ed@acme.test", role: "editor" },
  { id: "own", email: "own@acme.test", role: "owner" },
  { id: "view", email: "view@acme.test", role: "viewer" },
];
type Incident = {
  id: string;
  state: IncidentState;
  cadenceMinutes: number;
  commsLeadId: string | null;
};
const incident: Incident = {
  id: "inc1",
  state: "investigating",
  cadenceMinutes: 30,
  commsLeadId: "lead",
};
const updates = [{ id: "u1", displayAt: at(0), createdAt: at(0), nextUpdateBy: at(30) }];
const remind = (minute: number, over: Partial<Incident> = {}) =>
  reminderFor({ incident: { ...incident, ...over }, updates, members, now: at(minute) });
const emails = (minute: number, over: Partial<Incident> = {}) =>
  remind(minute, over)
    ?.recipients.map((m) => m.email)
    .sort();

describe("cadence reminders", () => {
  it("reminds nobody while the update is not yet due soon", () => {
    expect(remind(24)).toBeNull();
  });

  it("reminds the comms lead at T−5 and again once overdue", () => {
    expect(remind(25)).toMatchObject({ stage: "due_soon" });
    expect(emails(25)).toEqual(["lead@acme.test"]);
    expect(remind(31)).toMatchObject({ stage: "overdue" });
    expect(emails(59)).toEqual(["lead@acme.test"]);
  });

  it("escalates to every editor and owner (never viewers) after one further cadence", () => {
    expect(remind(60)).toMatchObject({ stage: "escalated" });
    expect(emails(60)).toEqual(["ed@acme.test", "lead@acme.test", "own@acme.test"]);
  });

  it("tells the editors from the start when the incident has no comms lead", () => {
    expect(emails(26, { commsLeadId: null })).toEqual([
      "ed@acme.test",
      "lead@acme.test",
      "own@acme.test",
    ]);
  });

  it("gives each stage of each promise its own key, so a reminder is sent once", () => {
    expect(remind(25)?.idempotencyKey).toBe("cadence:inc1:u1:due_soon");
    expect(remind(31)?.idempotencyKey).toBe("cadence:inc1:u1:overdue");
  });

  it("stops once the incident is resolved", () => {
    expect(remind(45, { state: "resolved" })).toBeNull();
  });
});
