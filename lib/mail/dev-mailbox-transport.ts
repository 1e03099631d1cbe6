import type { Db } from "../db/client";
import { devMailbox } from "../db/schema";
import { emailAsSent, type MailTransport } from "./transport";

/**
 * With neither Resend nor SMTP configured, mail is kept in the database and the
 * console's Outbox page shows it. Keyed like the real transports: a retried
 * delivery does not add a second copy.
 */
export function createDevMailboxTransport(db: Db): MailTransport {
  return {
    name: "dev",
    async send(message) {
      const m = emailAsSent(message);
      await db
        .insert(devMailbox)
        .values({
          ...m,
          headers: m.headers ?? {},
          idempotencyKey: message.idempotencyKey ?? crypto.randomUUID(),
        })
        .onConflictDoNothing({ target: devMailbox.idempotencyKey });
    },
  };
}
