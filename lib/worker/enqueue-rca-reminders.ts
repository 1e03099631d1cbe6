import { and, eq, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { incidents, notificationOutbox, postmortems, users } from "../db/schema";
import { getPageSettings } from "../settings/get-page-settings";
import { addDays, dayKeyOf, type DayKey } from "../time/days";
import type { RcaReminderStage } from "../../emails/rca-reminder";
import { notificationPayload } from "../notifications/payload";

/** How many days before the promised date the comms lead is first reminded. */
export const RCA_REMINDER_LEAD_DAYS = 2;

/** The stage an unpublished RCA promised for `dueOn` is in on `today` (both page-time-zone days). */
export function rcaReminderStage(dueOn: DayKey, today: DayKey): RcaReminderStage | null {
  if (today > dueOn) return "overdue";
  return today >= addDays(dueOn, -RCA_REMINDER_LEAD_DAYS) ? "due_soon" : null;
}

/**
 * Reminders for promised RCAs ("RCA by <date>") not yet published: to the
 * incident's comms lead, or every editor and owner when it has none. The key
 * names the stage and the promised date, so each stage goes once per promise
 * however often the tick runs, a new date starts over, and a worker that was
 * down through "due soon" sends only "overdue".
 */
export async function enqueueRcaReminders(db: Db, now: Date): Promise<number> {
  const { timeZone } = await getPageSettings(db);
  const today = dayKeyOf(now, timeZone);
  const pending = await db
    .select({ id: incidents.id, rcaDueOn: incidents.rcaDueOn, commsLeadId: incidents.commsLeadId })
    .from(incidents)
    .leftJoin(postmortems, eq(postmortems.incidentId, incidents.id))
    // Anything due within the lead time or already past it; nothing published yet.
    .where(
      and(
        isNotNull(incidents.rcaDueOn),
        lte(incidents.rcaDueOn, addDays(today, RCA_REMINDER_LEAD_DAYS)),
        or(isNull(postmortems.publishedRevision), eq(postmortems.publishedRevision, 0)),
      ),
    );
  if (pending.length === 0) return 0;
  const editors = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.role, ["owner", "editor"]));
  let queued = 0;
  for (const incident of pending) {
    const dueOn = incident.rcaDueOn!;
    const stage = rcaReminderStage(dueOn, today);
    const lead = editors.filter((m) => m.id === incident.commsLeadId);
    const recipients = lead.length > 0 ? lead : editors;
    if (!stage || recipients.length === 0) continue;
    const rows = await db
      .insert(notificationOutbox)
      .values(
        recipients.map((m) => ({
          idempotencyKey: `rca-reminder:${incident.id}:${stage}:${dueOn}:${m.id}`,
          channel: "email" as const,
          audience: "team" as const,
          ...notificationPayload({
            eventType: `rca_reminder.${stage}`,
            incidentId: incident.id,
            stage,
            rcaDueOn: dueOn,
          }),
          subjectId: incident.id,
          recipient: m.email,
        })),
      )
      .onConflictDoNothing({ target: notificationOutbox.idempotencyKey })
      .returning({ id: notificationOutbox.id });
    queued += rows.length;
  }
  return queued;
}
