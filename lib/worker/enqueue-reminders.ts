import { inArray, isNotNull, ne, and } from "drizzle-orm";
import type { Db } from "../db/client";
import { incidents, incidentUpdates, notificationOutbox, users } from "../db/schema";
import { reminderFor, type ReminderMember } from "../cadence/reminders";
import { notificationPayload } from "../notifications/payload";

/**
 * The cadence reminders due now, one outbox row per recipient. The rules live in
 * lib/cadence (pure); the key names the incident's current promise and stage, so
 * each stage is sent once per promise however often the tick runs or restarts,
 * and a tick that missed "due soon" while down sends only what is current.
 */
export async function enqueueCadenceReminders(db: Db, now: Date): Promise<number> {
  const open = await db
    .select()
    .from(incidents)
    .where(and(ne(incidents.state, "resolved"), isNotNull(incidents.cadenceMinutes)));
  if (open.length === 0) return 0;
  const [updates, members] = await Promise.all([
    db
      .select({
        id: incidentUpdates.id,
        incidentId: incidentUpdates.incidentId,
        displayAt: incidentUpdates.displayAt,
        createdAt: incidentUpdates.createdAt,
        nextUpdateBy: incidentUpdates.nextUpdateBy,
      })
      .from(incidentUpdates)
      .where(
        inArray(
          incidentUpdates.incidentId,
          open.map((i) => i.id),
        ),
      ),
    db
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(inArray(users.role, ["owner", "editor"])),
  ]);
  let queued = 0;
  for (const incident of open) {
    const reminder = reminderFor({
      incident,
      updates: updates.filter((u) => u.incidentId === incident.id),
      members: members as ReminderMember[],
      now,
    });
    if (!reminder || reminder.recipients.length === 0) continue;
    const rows = await db
      .insert(notificationOutbox)
      .values(
        reminder.recipients.map((m) => ({
          idempotencyKey: `${reminder.idempotencyKey}:${m.id}`,
          channel: "email" as const,
          audience: "team" as const,
          ...notificationPayload({
            eventType: `reminder.${reminder.stage}`,
            incidentId: incident.id,
            stage: reminder.stage,
            dueAt: reminder.dueAt.toISOString(),
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
